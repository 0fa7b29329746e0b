import type { RowValues } from '#shared/sync/merge.ts';
import { subjectLinkedBy, subjectNamed, subjectOwning, syncTable, type SyncedTableName } from '#shared/sync/tables.ts';
import type { BatchState } from './batch-state.ts';
import type { Device } from './devices.ts';

/** Why the hub refuses a pushed change: a code the workstation shows, and words for a person. */
export class Rejection extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One change as the hub authorizes it: its row before the transaction touched it and after, and the clinics that see each. */
export type ChangeToAuthorize = {
  readonly table: SyncedTableName;
  readonly rowId: string;
  readonly before: RowValues | null;
  readonly after: RowValues | null;
  readonly clinicsBefore: ReadonlySet<string>;
  readonly clinicsAfter: ReadonlySet<string>;
};

function seesAny(clinics: ReadonlySet<string>, allowed: ReadonlySet<string>): boolean {
  for (const clinic of clinics) if (allowed.has(clinic)) return true;
  return false;
}

function text(values: RowValues | null, column: string): string | null {
  const value = values?.[column];
  return typeof value === 'string' ? value : null;
}

/**
 * The rules every pushed row obeys (SYNC.md §7), whatever its table: the device's clinics see it
 * before and after the change, and every clinic that sees it is of the device's organization.
 */
function checkClinics(change: ChangeToAuthorize, allowed: ReadonlySet<string>, organizationClinics: ReadonlySet<string>): void {
  const { table, clinicsBefore, clinicsAfter } = change;
  if ((clinicsBefore.size > 0 && !seesAny(clinicsBefore, allowed)) || (clinicsAfter.size > 0 && !seesAny(clinicsAfter, allowed))) {
    throw new Rejection('FORBIDDEN_CLINIC', `This change to ${table} belongs to a clinic this workstation is not enrolled in.`);
  }
  for (const clinics of [clinicsBefore, clinicsAfter]) {
    for (const clinic of clinics) {
      if (!organizationClinics.has(clinic)) throw new Rejection('FORBIDDEN_ORGANIZATION', `This change to ${table} reaches a clinic outside this workstation's organization.`);
    }
  }
}

/** A column naming the row's organization holds the device's own, from the row's creation on. */
function checkOrganizationColumn(change: ChangeToAuthorize, column: string, organization: string): void {
  const before = text(change.before, column);
  const after = text(change.after, column);
  if ((change.before !== null && before !== null && before !== organization) || after !== organization) {
    throw new Rejection('FORBIDDEN_ORGANIZATION', `This ${change.table} row belongs to another organization, or moves to one.`);
  }
}

/** A row naming a subject (a link, an allergy, a doctor's profile) names one the hub holds, of the device's organization. */
function checkNamedSubject(state: BatchState, table: SyncedTableName, subjectName: string, subjectId: string, organization: string, organizationClinics: ReadonlySet<string>): void {
  const subject = subjectNamed(subjectName);
  const subjectRow = state.get(subject.table, subjectId);
  if (subjectRow === null) throw new Rejection('FORBIDDEN_ROW', `This ${table} row names a ${subject.name} the hub does not hold.`);
  const ownOrganization = subject.organizationColumn === null ? null : text(subjectRow.values, subject.organizationColumn);
  const home = subject.homeClinicColumn === null ? null : text(subjectRow.values, subject.homeClinicColumn);
  const inOrganization = ownOrganization !== null ? ownOrganization === organization : home !== null && organizationClinics.has(home);
  if (!inOrganization) throw new Rejection('FORBIDDEN_ORGANIZATION', `This ${table} row names a ${subject.name} of another organization.`);
}

/** The subject a row names by its scope or as a link, if any: not for the subject's own table, whose row is the subject. */
function namedSubject(table: SyncedTableName, values: RowValues): { readonly subject: string; readonly id: string } | null {
  const linked = subjectLinkedBy(table);
  if (linked !== null) {
    const id = text(values, linked.link.subjectColumn);
    return id === null ? null : { subject: linked.name, id };
  }
  const { scope } = syncTable(table);
  if (scope.by === 'subject' && subjectNamed(scope.subject).table !== table) {
    const id = text(values, scope.column);
    return id === null ? null : { subject: scope.subject, id };
  }
  if (scope.by === 'clinicOrSubject' && text(values, scope.clinicColumn) === null) {
    const id = text(values, scope.subjectColumn);
    return id === null ? null : { subject: scope.subject, id };
  }
  return null;
}

/** A link's clinic is the device's, before and after the change. */
function checkLinkClinic(change: ChangeToAuthorize, device: Device): void {
  const subject = subjectLinkedBy(change.table);
  if (subject === null) return;
  for (const values of [change.before, change.after]) {
    if (values === null) continue;
    const clinic = text(values, subject.link.clinicColumn);
    if (clinic === null || !device.clinicIds.includes(clinic)) throw new Rejection('FORBIDDEN_LINK', `Only a workstation of the clinic itself links a ${subject.name} to it.`);
  }
}

/** The columns a change sets to a new value, but for its key, its times and its author. */
function changedColumns(change: ChangeToAuthorize, ignored: ReadonlySet<string>): string[] {
  if (change.before === null || change.after === null) return [];
  const before = change.before;
  return Object.keys(change.after).filter((column) => !ignored.has(column) && change.after?.[column] !== before[column]);
}

/**
 * A change to an account (AccountRule) is made by the account's own user, to its self-service
 * columns only, or by an administrator of every clinic where the account holds a role; and who
 * made it holds a role in a clinic of this device, since they were at it. A new account is made
 * by the organization's workstations freely: it holds no role yet.
 */
function checkAccountChange(state: BatchState, change: ChangeToAuthorize, device: Device): void {
  const { account, organizationColumn } = syncTable(change.table).write;
  const subject = subjectOwning(change.table);
  if (account === undefined || subject === null || change.after === null) return;
  const ignored = new Set([syncTable(change.table).key, 'created_at', 'updated_at', account.changedByColumn]);
  if (organizationColumn !== undefined) ignored.add(organizationColumn);
  const changed = changedColumns(change, ignored);
  if (changed.length === 0) return;
  const refuse = (why: string): never => {
    throw new Rejection('FORBIDDEN_ACCOUNT', why);
  };
  const actor = text(change.after, account.changedByColumn);
  if (actor === null) return refuse(`A change to a ${subject.name}'s account must say who made it.`);
  const clinicColumn = subject.link.clinicColumn;
  const actorLinks = state.liveLinksOf(subject.name, actor);
  if (!actorLinks.some((link) => device.clinicIds.includes(link[clinicColumn] as string))) return refuse('Who changed this account holds no role at this workstation’s clinic.');
  if (actor === change.rowId) {
    const selfService = new Set(account.selfServiceColumns);
    if (changed.some((column) => !selfService.has(column))) refuse('A user changes only their own password; the rest of an account is for its administrators.');
    return;
  }
  const administered = new Set(actorLinks.filter((link) => link[account.administrator.column] === account.administrator.value).map((link) => link[clinicColumn] as string));
  for (const clinic of change.clinicsBefore) {
    if (!administered.has(clinic)) refuse('Only an administrator of every clinic where this account holds a role may change it.');
  }
}

/**
 * Refuses, with a Rejection, a change the pushing device may not make: what a person at that
 * workstation could not do through its calls. The rules come from the table's declaration
 * (shared/modules/<name>/sync-tables.ts): its scope, its write rule and the subjects it links.
 */
export function authorizeChange(state: BatchState, device: Device, change: ChangeToAuthorize): void {
  const organization = state.organization.id;
  if (organization === null) throw new Rejection('FORBIDDEN_ORGANIZATION', 'The hub knows no organization for this workstation’s clinic.');
  const organizationClinics = state.organization.clinics;
  const { write } = syncTable(change.table);
  if (write.ownDeviceOnly === true && change.rowId !== device.id) throw new Rejection('FORBIDDEN_ROW', `Only the workstation a ${change.table} row describes changes it.`);
  checkClinics(change, new Set(device.clinicIds), organizationClinics);
  if (write.organizationColumn !== undefined) checkOrganizationColumn(change, write.organizationColumn, organization);
  checkLinkClinic(change, device);
  checkAccountChange(state, change, device);
  const named = change.after === null ? null : namedSubject(change.table, change.after);
  if (named !== null) checkNamedSubject(state, change.table, named.subject, named.id, organization, organizationClinics);
}

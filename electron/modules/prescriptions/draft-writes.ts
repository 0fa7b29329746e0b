import type { DeviceId } from '#shared/domain/ids.ts';
import { eq } from 'drizzle-orm';
import { conflictError, forbiddenError, notFoundError } from '#shared/api/errors.ts';
import { referenceSeries } from '#shared/domain/reference-numbers.ts';
import type { AlertOverride, PrescriptionAlert } from '#shared/modules/medicines/index.ts';
import { productLabel, sortedAlerts, type DoseUnit } from '#shared/modules/medicines/index.ts';
import { computedQuantity } from '#shared/modules/prescriptions/frequency.ts';
import type { ParsedPrescriptionLine, RecordedOverride } from '#shared/modules/prescriptions/line.ts';
import type { ClinicContext } from '../clinics/index.ts';
import type { EncounterRow } from '../consultation/index.ts';
import type { Db } from '../../db/database.ts';
import { prescriptionDraftLines, prescriptions } from '../../db/schema/index.ts';
import { organizationOf, requireProduct } from '../medicines/index.ts';
import { mergeSetOf } from '../patients/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { issueReference } from '../../references/issue-reference.ts';
import { liveDraftLines, overridesOf, prescriptionOfEncounter } from './prescription-rows.ts';
import { alertsAbout, alertsNeedingReason, checkLines, requiredOverrides, type CheckScope } from './safety-checks.ts';
import type { DraftLineRow, PrescriptionRow } from './tables.ts';

const COUNTED_UNITS: ReadonlySet<DoseUnit> = new Set(['tablets', 'capsules', 'puffs', 'drops', 'sachets']);

export type Prescriber = { readonly clinic: ClinicContext; readonly deviceId: DeviceId };

/** Only the encounter's own doctor writes its prescription, and only while it is open. */
export function requireWritable(encounter: EncounterRow, prescriber: Prescriber): void {
  if (encounter.doctorUserId !== prescriber.clinic.userId) throw forbiddenError('Only the doctor of this encounter prescribes in it.');
  if (encounter.status !== 'OPEN') throw conflictError('This encounter is signed; its prescription can no longer change.');
}

export function scopeOf(db: Db, prescriber: Prescriber, encounter: EncounterRow, prescriptionId: string | null): CheckScope {
  return { organizationId: organizationOf(db, prescriber.clinic.clinicId), patientIds: mergeSetOf(db, encounter.patientId), prescriptionId, nowMs: prescriber.clinic.nowMs };
}

/** The encounter's draft prescription, made with its reference the first time a medicine is added. */
function draftPrescription(tx: Db, encounter: EncounterRow, prescriber: Prescriber): PrescriptionRow {
  const existing = prescriptionOfEncounter(tx, encounter.id);
  if (existing !== undefined) {
    if (existing.status !== 'DRAFT') throw conflictError('This prescription is signed; it can no longer change.');
    return existing;
  }
  const { clinic } = prescriber;
  const { reference } = issueReference(tx, { clinicId: clinic.clinicId, clinicCode: clinic.code, series: referenceSeries.prescription, deviceId: prescriber.deviceId, nowMs: clinic.nowMs });
  const now = isoAt(clinic.nowMs);
  const [row] = tx
    .insert(prescriptions)
    .values({ id: newId(), clinicId: clinic.clinicId, encounterId: encounter.id, patientId: encounter.patientId, doctorUserId: encounter.doctorUserId, reference, status: 'DRAFT', createdAt: now, updatedAt: now })
    .returning()
    .all();
  if (row === undefined) throw new Error('prescription not written');
  return row;
}

function lineValues(tx: Db, scope: CheckScope, line: ParsedPrescriptionLine) {
  const product = requireProduct(tx, scope.organizationId, line.productId);
  const quantity = line.quantity ?? computedQuantity({ doseAmount: line.dose.amount, countable: COUNTED_UNITS.has(line.dose.unit), frequency: line.frequency, durationDays: line.durationDays });
  return {
    productId: product.id,
    productLabel: productLabel(product),
    doseMilli: Math.round(line.dose.amount * 1000),
    doseUnit: line.dose.unit,
    route: line.route ?? product.route,
    frequency: line.frequency,
    durationDays: line.durationDays,
    quantity,
    refills: line.refills,
    instructions: line.instructions,
  };
}

type LineValues = ReturnType<typeof lineValues>;

function checkedAgainstDraft(tx: Db, scope: CheckScope, kept: readonly DraftLineRow[], added: readonly LineValues[]): PrescriptionAlert[] {
  const toCheck = [...kept, ...added].map((line) => ({ productId: line.productId, dose: { amount: line.doseMilli / 1000, unit: line.doseUnit as DoseUnit }, frequency: line.frequency }));
  return checkLines(tx, scope, toCheck);
}

export type DraftChange = { readonly prescriptionId: string; readonly overrides: readonly RecordedOverride[] };

/** Adds a line (lineId null) or rewrites one, refused while a severe alert about it has no reason. */
export function saveDraftLine(tx: Db, encounter: EncounterRow, prescriber: Prescriber, change: { lineId: string | null; line: ParsedPrescriptionLine; overrides: readonly AlertOverride[] }): DraftChange {
  requireWritable(encounter, prescriber);
  const prescription = draftPrescription(tx, encounter, prescriber);
  const scope = scopeOf(tx, prescriber, encounter, prescription.id);
  const lines = liveDraftLines(tx, prescription.id);
  const replaced = change.lineId === null ? undefined : lines.find((line) => line.id === change.lineId);
  if (change.lineId !== null && replaced === undefined) throw notFoundError('That medicine is no longer on this prescription.');
  const values = lineValues(tx, scope, change.line);
  const kept = lines.filter((line) => line.id !== change.lineId);
  const alerts = checkedAgainstDraft(tx, scope, kept, [values]);
  // The line being changed keeps its reasons for what still alerts about it: asked once, not at each edit.
  const recorded = lines.flatMap(overridesOf);
  const taken = requiredOverrides(alerts, new Set([values.productId]), change.overrides, recorded, { userId: prescriber.clinic.userId, at: isoAt(prescriber.clinic.nowMs) });
  const now = isoAt(prescriber.clinic.nowMs);
  if (replaced === undefined) {
    const position = lines.reduce((highest, line) => Math.max(highest, line.position + 1), 0);
    tx.insert(prescriptionDraftLines).values({ id: newId(), prescriptionId: prescription.id, patientId: encounter.patientId, position, ...values, overridesJson: JSON.stringify(taken), createdAt: now, updatedAt: now }).run();
  } else {
    // A changed line keeps the overrides that still apply to it.
    const stillAlerted = new Set(alerts.map((alert) => alert.id));
    const kept = overridesOf(replaced).filter((override) => stillAlerted.has(override.alertId));
    tx.update(prescriptionDraftLines).set({ ...values, overridesJson: JSON.stringify([...kept, ...taken]), updatedAt: now }).where(eq(prescriptionDraftLines.id, replaced.id)).run();
  }
  return { prescriptionId: prescription.id, overrides: taken };
}

/**
 * What saving these lines (replacing lineId, or added) or repeating them would meet, written
 * nowhere: the alerts about them, and the ids of those a save would refuse without a reason.
 */
export function checkDraftLines(db: Db, encounter: EncounterRow, prescriber: Prescriber, change: { lineId: string | null; lines: readonly ParsedPrescriptionLine[] }): { alerts: PrescriptionAlert[]; needReason: string[] } {
  requireWritable(encounter, prescriber);
  const prescription = prescriptionOfEncounter(db, encounter.id);
  if (prescription !== undefined && prescription.status !== 'DRAFT') throw conflictError('This prescription is signed; it can no longer change.');
  const scope = scopeOf(db, prescriber, encounter, prescription?.id ?? null);
  const lines = prescription === undefined ? [] : liveDraftLines(db, prescription.id);
  const kept = lines.filter((line) => line.id !== change.lineId);
  const added = change.lines.map((line) => lineValues(db, scope, line));
  const alerts = checkedAgainstDraft(db, scope, kept, added);
  const productIds = new Set(added.map((line) => line.productId));
  return { alerts: sortedAlerts(alertsAbout(alerts, productIds)), needReason: alertsNeedingReason(alerts, productIds, lines.flatMap(overridesOf)).map((alert) => alert.id) };
}

export function removeDraftLine(tx: Db, encounter: EncounterRow, prescriber: Prescriber, lineId: string): string {
  requireWritable(encounter, prescriber);
  const prescription = prescriptionOfEncounter(tx, encounter.id);
  if (prescription?.status !== 'DRAFT') throw conflictError('There is no draft prescription to change.');
  const line = liveDraftLines(tx, prescription.id).find((candidate) => candidate.id === lineId);
  if (line === undefined) throw notFoundError('That medicine is no longer on this prescription.');
  const now = isoAt(prescriber.clinic.nowMs);
  tx.update(prescriptionDraftLines).set({ deletedAt: now, updatedAt: now }).where(eq(prescriptionDraftLines.id, line.id)).run();
  return prescription.id;
}

/** Every line of an earlier signed prescription as new draft lines, checked together, in one write. */
export function repeatPrescription(tx: Db, encounter: EncounterRow, prescriber: Prescriber, source: { lines: readonly ParsedPrescriptionLine[]; overrides: readonly AlertOverride[] }): DraftChange {
  requireWritable(encounter, prescriber);
  if (source.lines.length === 0) throw conflictError('That prescription has no medicines to repeat.');
  const prescription = draftPrescription(tx, encounter, prescriber);
  const scope = scopeOf(tx, prescriber, encounter, prescription.id);
  const lines = liveDraftLines(tx, prescription.id);
  const added = source.lines.map((line) => lineValues(tx, scope, line));
  const alerts = checkedAgainstDraft(tx, scope, lines, added);
  const by = { userId: prescriber.clinic.userId, at: isoAt(prescriber.clinic.nowMs) };
  const taken = requiredOverrides(alerts, new Set(added.map((line) => line.productId)), source.overrides, lines.flatMap(overridesOf), by);
  const now = isoAt(prescriber.clinic.nowMs);
  let position = lines.reduce((highest, line) => Math.max(highest, line.position + 1), 0);
  const placed = new Set<string>();
  for (const values of added) {
    // Each override is kept on the first repeated line it concerns.
    const mine = taken.filter((override) => !placed.has(override.alertId) && alerts.some((alert) => alert.id === override.alertId && (alert.productId === values.productId || alert.otherProductId === values.productId)));
    for (const override of mine) placed.add(override.alertId);
    tx.insert(prescriptionDraftLines).values({ id: newId(), prescriptionId: prescription.id, patientId: encounter.patientId, position, ...values, overridesJson: JSON.stringify(mine), createdAt: now, updatedAt: now }).run();
    position += 1;
  }
  return { prescriptionId: prescription.id, overrides: taken };
}

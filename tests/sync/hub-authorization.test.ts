import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readMirrorCatalog, type MirrorCatalog } from '#hub/sync/catalog.ts';
import { formatHlc } from '#shared/sync/hlc.ts';
import type { PushTx } from '#shared/sync/protocol.ts';
import { subjectOwning, syncedTableNames, syncTable, type SyncedTableName } from '#shared/sync/tables.ts';
import { freeTextColumn, placedKey, rowPlacedIn, type ClinicPlace } from '#tests/support/clinic-placed-rows.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import '#tests/support/register-modules.ts';
import { describeEachHubKind } from '#tests/support/each-hub-kind.ts';

// The hub authorizes every pushed row (issue #31): for every synced table, a device of another
// clinic of the organization and a device of another organization try to change a row of clinic
// A and to create one there; each is refused, and nothing reaches anyone's feed.

const T0 = Date.parse('2026-03-02T09:00:00.000Z');

type Desk = { readonly credential: string; readonly place: ClinicPlace; seq: number };

describeEachHubKind('the hub authorizing pushed rows, on %s', (kind) => {
  let harness: HubHarness;
  let catalog: MirrorCatalog;
  let clock = 0;
  let deskA: Desk;
  let deskB: Desk;
  let deskC: Desk;

  const stamp = (node: string): string => formatHlc({ wallMs: T0 + (clock += 10), counter: 0, node });

  async function enrol(code: string, organizationId: string, organizationOf: string | undefined): Promise<Desk> {
    const clinicId = randomUUID();
    const { code: enrolment } = await harness.hub.createEnrolmentCode({ clinicCode: code, clinicId: null, organizationOf });
    const enrolled = await harness.hub.enrol({ code: enrolment, deviceId: randomUUID(), deviceName: `desk ${code}`, databaseId: `db-${code}`, clinic: { id: clinicId, code, organizationId } });
    return { credential: enrolled.credential, seq: 0, place: { clinicId, organizationId, deviceId: enrolled.deviceId, subjects: { patient: `patient-${code}`, user: `user-${code}` } } };
  }

  async function push(desk: Desk, ops: PushTx['ops']) {
    desk.seq += 1;
    return harness.hub.push(desk.credential, { txs: [{ seq: desk.seq, hlc: stamp(desk.place.deviceId.slice(0, 4)), ops }] });
  }

  /** Every table's row of a clinic, created by its own desk in the order the tables are declared: what the attacks try to reach. */
  async function createEverything(desk: Desk): Promise<Map<SyncedTableName, string>> {
    const keys = new Map<SyncedTableName, string>();
    for (const table of syncedTableNames()) {
      const key = placedKey(table, desk.place, `${table}-of-${desk.place.clinicId}`);
      keys.set(table, key);
      const answer = await push(desk, [{ table, id: key, kind: 'insert', columns: rowPlacedIn(catalog, table, desk.place, key, keys) }]);
      expect(answer.rejected, `${table} created by its own clinic's desk`).toEqual([]);
    }
    return keys;
  }

  /** The column that places a row in a clinic, when a column does. */
  function clinicColumnOf(table: SyncedTableName): string | null {
    const { scope } = syncTable(table);
    return scope.by === 'column' ? scope.column : scope.by === 'clinicOrSubject' ? scope.clinicColumn : null;
  }

  async function feedSize(): Promise<number> {
    const [row] = await harness.hub.db.query<{ n: string }>(`select count(*)::text as n from hub_feed`);
    return Number(row?.n ?? 0);
  }

  async function stored(table: SyncedTableName, key: string): Promise<unknown> {
    const [row] = await harness.hub.db.query(`select * from ${table} where ${syncTable(table).key} = $1`, [key]);
    return row;
  }

  beforeEach(async () => {
    harness = await startHub({ kind, now: () => T0 + clock });
    catalog = await readMirrorCatalog(harness.hub.db);
    const chain = randomUUID();
    deskA = await enrol('AAA01', chain, undefined);
    deskB = await enrol('BBB01', chain, 'AAA01');
    deskC = await enrol('CCC01', randomUUID(), undefined);
  });
  afterEach(async () => {
    await harness.close();
  });

  it('refuses, table by table, a change to clinic A’s row and a new row placed in A, from a desk of clinic B and of another organization', async () => {
    const keysOfA = await createEverything(deskA);
    await createEverything(deskB);
    await createEverything(deskC);
    const refusals: string[] = [];
    for (const table of syncedTableNames()) {
      const key = keysOfA.get(table) ?? '';
      const before = await stored(table, key);
      const column = freeTextColumn(catalog, table);
      for (const [attacker, sameOrganization] of [
        [deskB, true],
        [deskC, false],
      ] as const) {
        // An organization's row is its clinics' to share: a desk of clinic B may name it anew.
        if (sameOrganization && syncTable(table).scope.by === 'organization') continue;
        const feedBefore = await feedSize();
        const changed = await push(attacker, [{ table, id: key, kind: 'update', columns: { [column]: 'changed by an outsider' } }]);
        const freshKey = `${table}-new-${String(attacker.seq)}`;
        const created = await push(attacker, [{ table, id: freshKey, kind: 'insert', columns: rowPlacedIn(catalog, table, { ...deskA.place }, freshKey, keysOfA) }]);
        const who = sameOrganization ? 'a desk of clinic B' : 'a desk of another organization';
        expect(changed.rejected.map((rejection) => rejection.code), `${table}: a change from ${who}`).toHaveLength(1);
        // A row placed by a clinic column, moved to the attacker's clinic: where it goes is allowed, where it was is not.
        const clinicColumn = clinicColumnOf(table);
        if (clinicColumn !== null) {
          const moved = await push(attacker, [{ table, id: key, kind: 'update', columns: { [clinicColumn]: attacker.place.clinicId } }]);
          expect(moved.rejected, `${table}: moved to the clinic of ${who}`).toHaveLength(1);
        }
        // A subject seen only through its links (an account with no role yet) is placed in no
        // clinic: any desk of its organization may open one, and no clinic sees it until linked.
        const placedInNoClinic = subjectOwning(table)?.homeClinicColumn === null;
        if (!(sameOrganization && placedInNoClinic)) expect(created.rejected.map((rejection) => rejection.code), `${table}: a new row in A from ${who}`).toHaveLength(1);
        else expect(created.rejected, `${table}: a new row of the organization, in no clinic yet`).toEqual([]);
        refusals.push(...changed.rejected.map((rejection) => `${table} ${rejection.code}`));
        expect(await feedSize(), `${table}: nothing reaches a feed`).toBe(feedBefore);
        expect(await stored(table, key), `${table}: A's row unchanged`).toEqual(before);
        if (!(sameOrganization && subjectOwning(table)?.homeClinicColumn === null)) expect(await stored(table, freshKey), `${table}: no row created`).toBeUndefined();
      }
    }
    // Every table was tried: the organization's own row once, every other table twice.
    expect(refusals.length).toBe(syncedTableNames().length * 2 - syncedTableNames().filter((table) => syncTable(table).scope.by === 'organization').length);
  });

  it('refuses a link of another organization’s patient to a desk’s clinic, and never shows that patient to it (finding 2)', async () => {
    const keysOfC = await createEverything(deskC);
    const patientOfC = keysOfC.get('patients') ?? '';
    await createEverything(deskA);
    const link = { id: 'stolen-link', patient_id: patientOfC, clinic_id: deskA.place.clinicId, created_at: 'x', updated_at: 'x', deleted_at: null };
    const answer = await push(deskA, [{ table: 'patient_clinics', id: 'stolen-link', kind: 'insert', columns: link }]);
    expect(answer.rejected.map((rejection) => rejection.code)).toEqual(['FORBIDDEN_ORGANIZATION']);
    const page = await harness.hub.snapshotPage(deskA.credential, { table: 'patients', after: null, through: null, limit: 100 });
    expect(JSON.stringify(page)).not.toContain(patientOfC);
    const { code } = await harness.hub.createJoinCode(deskA.credential);
    const otherDeskOfA = await harness.hub.enrol({ code, deviceId: randomUUID(), deviceName: 'desk A2', databaseId: 'db-a2', clinic: null });
    const feed = await harness.hub.pull(otherDeskOfA.credential, { cursor: null, limit: 1000 });
    expect(JSON.stringify(feed.changes)).not.toContain(patientOfC);
  });

  it('refuses a role in a desk’s clinic for another organization’s administrator, and then a new password for them (finding 3)', async () => {
    const keysOfC = await createEverything(deskC);
    const adminOfC = keysOfC.get('users') ?? '';
    await createEverything(deskA);
    const feedOfC = async () => (await harness.hub.db.query<{ n: string }>(`select count(*)::text as n from hub_feed where clinic_id = $1`, [deskC.place.clinicId]))[0]?.n;
    const before = await feedOfC();
    const role = await push(deskA, [{ table: 'memberships', id: 'stolen-role', kind: 'insert', columns: { id: 'stolen-role', user_id: adminOfC, clinic_id: deskA.place.clinicId, role: 'ADMIN', created_at: 'x', updated_at: 'x', deleted_at: null } }]);
    expect(role.rejected.map((rejection) => rejection.code)).toEqual(['FORBIDDEN_ORGANIZATION']);
    const password = await push(deskA, [{ table: 'users', id: adminOfC, kind: 'update', columns: { password_hash: 'attacker-chosen' } }]);
    expect(password.rejected).toHaveLength(1);
    const [stillTheirs] = await harness.hub.db.query<{ password_hash: string }>(`select password_hash from users where id = $1`, [adminOfC]);
    expect(stillTheirs?.password_hash).not.toBe('attacker-chosen');
    expect(await feedOfC()).toBe(before);
  });

  it('refuses a link made from a desk of one clinic into another clinic of the organization, and takes it from that clinic’s own desk', async () => {
    const keysOfA = await createEverything(deskA);
    await createEverything(deskB);
    const patientOfA = keysOfA.get('patients') ?? '';
    const link = (clinicId: string) => ({ id: `link-${clinicId}`, patient_id: patientOfA, clinic_id: clinicId, created_at: 'x', updated_at: 'x', deleted_at: null });
    const fromA = await push(deskA, [{ table: 'patient_clinics', id: `link-${deskB.place.clinicId}`, kind: 'insert', columns: link(deskB.place.clinicId) }]);
    expect(fromA.rejected.map((rejection) => rejection.code)).toEqual(['FORBIDDEN_LINK']);
    const fromB = await push(deskB, [{ table: 'patient_clinics', id: `link-${deskB.place.clinicId}`, kind: 'insert', columns: link(deskB.place.clinicId) }]);
    expect(fromB.rejected).toEqual([]);
    const page = await harness.hub.snapshotPage(deskB.credential, { table: 'patients', after: null, through: null, limit: 100 });
    expect(JSON.stringify(page)).toContain(patientOfA);
  });

  it('takes a change to an account only from its user (their password) or an administrator of every clinic where it holds a role (finding 1)', async () => {
    const organization = deskA.place.organizationId;
    const account = (id: string) => ({ id, organization_id: organization, username: id, full_name: id, password_hash: 'first', account_changed_by: null, created_at: 'x', updated_at: 'x', deleted_at: null });
    const role = (user: string, clinicId: string, value: string) => ({ id: `role-${user}-${clinicId}`, user_id: user, clinic_id: clinicId, role: value, created_at: 'x', updated_at: 'x', deleted_at: null });
    const roleOp = (user: string, clinicId: string, value: string) => ({ table: 'memberships', id: `role-${user}-${clinicId}`, kind: 'insert' as const, columns: role(user, clinicId, value) });
    const a = deskA.place.clinicId;
    const b = deskB.place.clinicId;
    const opened = await push(deskA, [
      ...['both', 'admin-of-a', 'admin-of-both', 'admin-of-b'].map((id) => ({ table: 'users', id, kind: 'insert' as const, columns: account(id) })),
      roleOp('both', a, 'ADMIN'),
      roleOp('admin-of-a', a, 'ADMIN'),
      roleOp('admin-of-both', a, 'ADMIN'),
    ]);
    expect(opened.rejected).toEqual([]);
    expect((await push(deskB, [roleOp('both', b, 'ADMIN'), roleOp('admin-of-both', b, 'ADMIN'), roleOp('admin-of-b', b, 'ADMIN')])).rejected).toEqual([]);
    const change = async (columns: Record<string, string | number>, by: string) => (await push(deskA, [{ table: 'users', id: 'both', kind: 'update', columns: { ...columns, account_changed_by: by } }])).rejected.map((rejection) => rejection.code);

    expect(await change({ password_hash: 'taken-over' }, 'admin-of-a'), 'an administrator of one of its clinics').toEqual(['FORBIDDEN_ACCOUNT']);
    expect(await change({ full_name: 'Renamed' }, 'admin-of-a'), 'nor its name').toEqual(['FORBIDDEN_ACCOUNT']);
    expect(await change({ password_hash: 'from-b' }, 'admin-of-b'), 'an administrator who is not at this workstation').toEqual(['FORBIDDEN_ACCOUNT']);
    expect(await change({ full_name: 'Self-renamed' }, 'both'), 'the user, beyond their password').toEqual(['FORBIDDEN_ACCOUNT']);
    expect(await change({ password_hash: 'chosen-by-the-user' }, 'both'), 'the user, their own password').toEqual([]);
    expect(await change({ password_hash: 'reset', must_change_password: 1 }, 'admin-of-both'), 'an administrator of both clinics').toEqual([]);
    const [stored] = await harness.hub.db.query<{ password_hash: string; full_name: string }>(`select password_hash, full_name from users where id = 'both'`);
    expect(stored).toEqual({ password_hash: 'reset', full_name: 'both' });
  });

  it('reads an account’s rule over every live role row when people hold several roles in a clinic (issue 33)', async () => {
    const organization = deskA.place.organizationId;
    const account = (id: string) => ({ id, organization_id: organization, username: id, full_name: id, password_hash: 'first', account_changed_by: null, created_at: 'x', updated_at: 'x', deleted_at: null });
    const roleRow = (user: string, clinicId: string, value: string, deletedAt: string | null = null) => ({ id: `role-${user}-${clinicId}-${value}`, user_id: user, clinic_id: clinicId, role: value, created_at: 'x', updated_at: 'x', deleted_at: deletedAt });
    const roleOp = (user: string, clinicId: string, value: string, deletedAt: string | null = null) => ({ table: 'memberships', id: `role-${user}-${clinicId}-${value}`, kind: 'insert' as const, columns: roleRow(user, clinicId, value, deletedAt) });
    const a = deskA.place.clinicId;
    const b = deskB.place.clinicId;
    const opened = await push(deskA, [
      ...['doctor-in-both', 'owner-of-a', 'doctor-desk-of-a', 'ex-admin-of-a', 'owner-of-both'].map((id) => ({ table: 'users', id, kind: 'insert' as const, columns: account(id) })),
      // The account changed: a doctor and front desk in A, a doctor in B.
      roleOp('doctor-in-both', a, 'DOCTOR'),
      roleOp('doctor-in-both', a, 'STAFF'),
      // A doctor who also administers A; a doctor and front desk of A who does not; one whose Administrator role was taken away.
      roleOp('owner-of-a', a, 'DOCTOR'),
      roleOp('owner-of-a', a, 'ADMIN'),
      roleOp('doctor-desk-of-a', a, 'DOCTOR'),
      roleOp('doctor-desk-of-a', a, 'STAFF'),
      roleOp('ex-admin-of-a', a, 'DOCTOR'),
      roleOp('ex-admin-of-a', a, 'ADMIN', 'x'),
      roleOp('owner-of-both', a, 'DOCTOR'),
      roleOp('owner-of-both', a, 'ADMIN'),
    ]);
    expect(opened.rejected).toEqual([]);
    expect((await push(deskB, [roleOp('doctor-in-both', b, 'DOCTOR'), roleOp('owner-of-both', b, 'ADMIN'), roleOp('owner-of-both', b, 'PHARMACIST')])).rejected).toEqual([]);
    const change = async (columns: Record<string, string | number>, by: string) => (await push(deskA, [{ table: 'users', id: 'doctor-in-both', kind: 'update', columns: { ...columns, account_changed_by: by } }])).rejected.map((rejection) => rejection.code);

    expect(await change({ password_hash: 'p1' }, 'doctor-desk-of-a'), 'two roles in A, neither of them Administrator').toEqual(['FORBIDDEN_ACCOUNT']);
    expect(await change({ password_hash: 'p2' }, 'ex-admin-of-a'), 'an Administrator role taken away').toEqual(['FORBIDDEN_ACCOUNT']);
    expect(await change({ password_hash: 'p3' }, 'owner-of-a'), 'an administrator of A beside a doctor, not of B').toEqual(['FORBIDDEN_ACCOUNT']);
    expect(await change({ full_name: 'Self-renamed' }, 'doctor-in-both'), 'the user with several roles, beyond their password').toEqual(['FORBIDDEN_ACCOUNT']);
    expect(await change({ password_hash: 'own' }, 'doctor-in-both'), 'the user with several roles, their own password').toEqual([]);
    expect(await change({ password_hash: 'reset' }, 'owner-of-both'), 'an administrator of both, with other roles beside').toEqual([]);
    // A role row of this organization's user, given in A from A's own desk: taken; in B from A's desk: refused as before.
    expect((await push(deskA, [roleOp('doctor-in-both', a, 'ADMIN')])).rejected).toEqual([]);
    expect((await push(deskA, [roleOp('doctor-in-both', b, 'ADMIN')])).rejected.map((rejection) => rejection.code)).toEqual(['FORBIDDEN_CLINIC']);
    const [stored] = await harness.hub.db.query<{ password_hash: string }>(`select password_hash from users where id = 'doctor-in-both'`);
    expect(stored?.password_hash).toBe('reset');
  });
});

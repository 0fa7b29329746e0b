import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';
import type { Role } from '#shared/domain/roles.ts';
import { syncedTableNames } from '#shared/sync/tables.ts';
import { manualClock } from '#core/platform/clock.ts';
import { parkedCount } from '#core/sync/parked-rows.ts';
import { adminAccount, sampleClinic, START_MS } from '#tests/support/core-harness.ts';
import type { Network } from '#tests/support/in-process-transport.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import { hubRows, openWorkstation, workstationRows, type Workstation } from '#tests/support/sync-world.ts';

// Several roles per person per clinic (issue 33), offline: two workstations of one clinic give
// and take different roles of one person while apart, and after syncing both hold every change.

async function call<N extends CallName>(ws: Workstation, name: N, input: CallInput<N>, token: string | null = null): Promise<CallResult<N>> {
  const outcome = await ws.core.dispatch({ call: name, input, token });
  if (!outcome.ok) throw new Error(`${ws.key} ${name}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as CallResult<N>;
}

describe('roles given and taken on two workstations apart', () => {
  const hubClock = manualClock(START_MS);
  let online = true;
  const network: Network = { reachable: () => online, fault: () => 'deliver' };
  let harness: HubHarness;
  let first: Workstation;
  let second: Workstation;
  let clinicId: string;
  let deskId: string;
  let firstAdmin: string;
  let secondAdmin: string;

  beforeEach(async () => {
    online = true;
    harness = await startHub({ now: hubClock.now });
    first = await openWorkstation('one', () => harness.hub, { startMs: START_MS, network });
    second = await openWorkstation('two', () => harness.hub, { startMs: START_MS, network });
    const setup = await call(first, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount });
    firstAdmin = setup.token ?? '';
    clinicId = setup.activeClinic?.clinicId ?? '';
    deskId = (await call(first, 'users.create', { fullName: 'Desk Person', username: 'desk', email: '', phone: '', password: 'desk-password', role: 'STAFF' }, firstAdmin)).id;
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: 'RFC01', clinicId: null });
    await call(first, 'sync.connect', { hubUrl: 'http://hub.test', code }, firstAdmin);
    await first.core.sync.syncNow();
    const join = await call(first, 'sync.createJoinCode', {}, firstAdmin);
    await call(second, 'sync.join', { hubUrl: 'http://hub.test', code: join.code });
    await second.core.sync.syncNow();
    secondAdmin = (await call(second, 'auth.signIn', { username: adminAccount.username, password: adminAccount.password })).token ?? '';
  });

  afterEach(async () => {
    await first.close();
    await second.close();
    await harness.close();
  });

  async function syncBoth(): Promise<void> {
    for (let round = 0; round < 3; round += 1) {
      await first.core.sync.syncNow();
      await second.core.sync.syncNow();
    }
  }

  async function rolesOn(ws: Workstation, token: string): Promise<Role[]> {
    const listed = (await call(ws, 'users.list', {}, token)).users.find((user) => user.id === deskId);
    return listed?.memberships.flatMap((membership) => membership.roles) ?? [];
  }

  it('keeps both workstations’ changes to different roles, and the same role given on both is one row', async () => {
    online = false;
    await call(first, 'users.grantRole', { userId: deskId, clinicId, role: 'DOCTOR' }, firstAdmin);
    await call(first, 'users.revokeRole', { userId: deskId, clinicId, role: 'STAFF' }, firstAdmin);
    await call(second, 'users.grantRole', { userId: deskId, clinicId, role: 'ADMIN' }, secondAdmin);
    await call(second, 'users.grantRole', { userId: deskId, clinicId, role: 'DOCTOR' }, secondAdmin);
    expect(await rolesOn(first, firstAdmin)).toEqual(['DOCTOR']);
    expect(await rolesOn(second, secondAdmin)).toEqual(['ADMIN', 'DOCTOR', 'STAFF']);

    online = true;
    await syncBoth();
    expect(await rolesOn(first, firstAdmin)).toEqual(['ADMIN', 'DOCTOR']);
    expect(await rolesOn(second, secondAdmin)).toEqual(['ADMIN', 'DOCTOR']);
    // Nothing set aside as a clash: the doctor's role given on both desks is one row.
    expect(parkedCount(first.core.database.sqlite)).toBe(0);
    expect(parkedCount(second.core.database.sqlite)).toBe(0);
    const atHub = await harness.hub.db.query<{ role: string; live: boolean }>(`select role, deleted_at is null as live from memberships where user_id = $1 order by role`, [deskId]);
    expect(atHub).toEqual([
      { role: 'ADMIN', live: true },
      { role: 'DOCTOR', live: true },
      { role: 'STAFF', live: false },
    ]);
    for (const table of syncedTableNames()) {
      const rows = await hubRows(harness.hub, table, clinicId);
      const ids = [...rows.keys()];
      expect(workstationRows(first.core.database.sqlite, table, ids), `${table} on the first workstation`).toEqual(rows);
      expect(workstationRows(second.core.database.sqlite, table, ids), `${table} on the second workstation`).toEqual(rows);
    }
  });

  it('lets one desk take a role away while the other gives it back: the later change wins on both', async () => {
    await call(first, 'users.grantRole', { userId: deskId, clinicId, role: 'DOCTOR' }, firstAdmin);
    await syncBoth();
    online = false;
    await call(first, 'users.revokeRole', { userId: deskId, clinicId, role: 'DOCTOR' }, firstAdmin);
    second.clock.advance(60_000);
    await call(second, 'users.revokeRole', { userId: deskId, clinicId, role: 'DOCTOR' }, secondAdmin);
    await call(second, 'users.grantRole', { userId: deskId, clinicId, role: 'DOCTOR' }, secondAdmin);
    online = true;
    await syncBoth();
    expect(await rolesOn(first, firstAdmin)).toEqual(['DOCTOR', 'STAFF']);
    expect(await rolesOn(second, secondAdmin)).toEqual(['DOCTOR', 'STAFF']);
  });
});

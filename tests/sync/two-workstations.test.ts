import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';
import { syncedTableNames } from '#shared/sync/tables.ts';
import { manualClock } from '#core/platform/clock.ts';
import { adminAccount, patientInput, sampleClinic, START_MS } from '#tests/support/core-harness.ts';
import { HubUnavailable } from '#core/sync/transport.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import { hubRows, openWorkstation, workstationRows, type Workstation } from '#tests/support/sync-world.ts';

async function call<N extends CallName>(ws: Workstation, name: N, input: CallInput<N>, token: string | null = null): Promise<CallResult<N>> {
  const outcome = await ws.core.dispatch({ call: name, input, token });
  if (!outcome.ok) throw new Error(`${ws.key} ${name}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as CallResult<N>;
}

describe('two workstations of one clinic through a hub', () => {
  const hubClock = manualClock(START_MS);
  let harness: HubHarness;
  let first: Workstation;
  let second: Workstation;
  let clinicId: string;
  let firstAdmin: string;

  beforeEach(async () => {
    harness = await startHub({ now: hubClock.now });
    first = await openWorkstation('one', () => harness.hub, { startMs: START_MS });
    second = await openWorkstation('two', () => harness.hub, { startMs: START_MS });
    const setup = await call(first, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount });
    firstAdmin = setup.token ?? '';
    clinicId = setup.activeClinic?.clinicId ?? '';
    await call(first, 'users.create', { fullName: 'Desk Person', username: 'desk', email: '', phone: '', password: 'desk-password', role: 'STAFF' }, firstAdmin);
    await call(first, 'patients.register', { ...patientInput(), notADuplicate: false }, firstAdmin);
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: 'RFC01', clinicId: null });
    await call(first, 'sync.connect', { hubUrl: 'http://hub.test', code }, firstAdmin);
    await first.core.sync.syncNow();
  });

  afterEach(async () => {
    await first.close();
    await second.close();
    await harness.close();
  });

  async function joinSecond(): Promise<void> {
    const { code } = await call(first, 'sync.createJoinCode', {}, firstAdmin);
    const status = await call(second, 'sync.join', { hubUrl: 'http://hub.test', code });
    expect(status.state).not.toBe('standalone');
    await second.core.sync.syncNow();
  }

  async function expectConverged(): Promise<void> {
    for (let round = 0; round < 3; round += 1) {
      await first.core.sync.syncNow();
      await second.core.sync.syncNow();
    }

    for (const table of syncedTableNames()) {
      const atHub = await hubRows(harness.hub, table, clinicId);
      expect(workstationRows(first.core.database.sqlite, table, null), `${table} on the first workstation`).toEqual(atHub);
      expect(workstationRows(second.core.database.sqlite, table, null), `${table} on the second workstation`).toEqual(atHub);
    }
  }

  it('uploads the first workstation’s data and lets a second one join with everything, sign-in included', async () => {
    expect(first.core.sync.status()).toMatchObject({ state: 'online', pendingChanges: 0 });
    await joinSecond();
    expect((await call(second, 'system.status', {})).needsSetup).toBe(false);
    const signedIn = await call(second, 'auth.signIn', { username: 'desk', password: 'desk-password' });
    expect(signedIn.activeClinic?.code).toBe('RFC01');
    await call(second, 'auth.changePassword', { currentPassword: 'desk-password', newPassword: 'desk-own-password' }, signedIn.token ?? '');
    const found = await call(second, 'patients.search', { query: 'priya' }, signedIn.token ?? '');
    expect(found.results.map((patient) => patient.mrn)).toEqual(['RFC01-M1001']);
    await expectConverged();
  });

  it('ends a session on one workstation once its account is deactivated on another', async () => {
    await joinSecond();
    const desk = await call(second, 'auth.signIn', { username: 'desk', password: 'desk-password' });
    const token = desk.token ?? '';
    await call(second, 'auth.changePassword', { currentPassword: 'desk-password', newPassword: 'desk-own-password' }, token);
    expect((await call(second, 'patients.search', { query: 'priya' }, token)).results).toHaveLength(1);

    const { users } = await call(first, 'users.list', {}, firstAdmin);
    const deskId = users.find((user) => user.username === 'desk')?.id ?? '';
    await call(first, 'users.setActive', { userId: deskId, active: false }, firstAdmin);
    await first.core.sync.syncNow();
    await second.core.sync.syncNow();

    const refused = await second.core.dispatch({ call: 'patients.search', input: { query: 'priya' }, token });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' } });
    const signInAgain = await second.core.dispatch({ call: 'auth.signIn', input: { username: 'desk', password: 'desk-own-password' }, token: null });
    expect(signInAgain.ok ? '' : signInAgain.error.message).toMatch(/deactivated/);
  });

  it('brings a workstation away for longer than the feed keeps its entries level with the hub', async () => {
    await joinSecond();
    const away = await call(first, 'patients.register', { ...patientInput({ givenName: 'Awaya', phone: '+44 7700 900333' }), notADuplicate: true }, firstAdmin);
    await first.core.sync.syncNow();
    // The second workstation stays off while the hub's feed lets go of everything written so far.
    hubClock.advance(31 * 86_400_000);
    expect(await harness.hub.pruneFeed()).toBeGreaterThan(0);
    const [inFeed] = await harness.hub.db.query<{ count: string }>(`select count(*)::text as count from hub_feed where strpos(changes::text, $1) > 0`, [away.id]);
    expect(inFeed?.count).toBe('0');
    const recent = await call(first, 'patients.register', { ...patientInput({ givenName: 'Recenta', phone: '+44 7700 900334' }), notADuplicate: true }, firstAdmin);
    await first.core.sync.syncNow();

    await expectConverged();
    expect([...workstationRows(second.core.database.sqlite, 'patients', [away.id, recent.id]).keys()].sort()).toEqual([away.id, recent.id].sort());
  });

  it('resumes a first sync broken off part way, merging rows it already holds and pages from a hub that lacks a column', async () => {
    const names = ['Asha', 'Bilal', 'Chen', 'Dara', 'Eve'];
    for (const [index, givenName] of names.entries()) await call(first, 'patients.register', { ...patientInput({ givenName, phone: `+44 7700 90020${String(index)}` }), notADuplicate: true }, firstAdmin);
    await first.core.sync.syncNow();
    let pages = 0;
    let reachable = true;
    const readAgain = new Set<string>();
    const third = await openWorkstation('three', () => harness.hub, {
      startMs: START_MS,
      // Pages of two rows; each table's second page starts over from its first row; the patients
      // come without a column, as from a hub of another version; from the seventh page the hub is out of reach until the restart.
      transport: (base) => ({
        ...base,
        snapshotPage: async (credential, request) => {
          pages += 1;
          if (pages === 7) reachable = false;
          if (!reachable) throw new HubUnavailable('The hub cannot be reached.');
          const again = request.after !== null && !readAgain.has(request.table);
          if (again) readAgain.add(request.table);
          const page = await base.snapshotPage(credential, { ...request, limit: 2, after: again ? null : request.after });
          if (request.table !== 'patients') return page;
          const dropped = page.columns.indexOf('deleted_at');
          return { ...page, columns: page.columns.filter((_column, index) => index !== dropped), rows: page.rows.map((row) => row.filter((_value, index) => index !== dropped)) };
        },
      }),
    });
    try {
      const { code } = await call(first, 'sync.createJoinCode', {}, firstAdmin);
      await call(third, 'sync.join', { hubUrl: 'http://hub.test', code });
      await third.core.sync.syncNow();
      expect(third.core.sync.bootstrapping).toBe(true);
      expect(third.core.sync.status().bootstrap?.done).toBeGreaterThan(0);
      await third.restart();
      reachable = true;
      await third.core.sync.syncNow();
      expect(third.core.sync.bootstrapping).toBe(false);
      expect(pages).toBeGreaterThan(10);
      for (const table of syncedTableNames()) {
        const atHub = await hubRows(harness.hub, table, clinicId);
        expect(workstationRows(third.core.database.sqlite, table, null), `${table} on the joining workstation`).toEqual(atHub);
      }
      const signedIn = await call(third, 'auth.signIn', { username: adminAccount.username, password: adminAccount.password });
      const found = await call(third, 'patients.search', { query: 'chen' }, signedIn.token ?? '');
      expect(found.results.map((patient) => patient.givenName)).toEqual(['Chen']);
    } finally {
      await third.close();
    }
  });

  it('starts over a first sync an older version began, whose progress named its table by a place in the order', async () => {
    for (const [index, givenName] of ['Farah', 'Goran', 'Hana'].entries()) await call(first, 'patients.register', { ...patientInput({ givenName, phone: `+44 7700 90030${String(index)}` }), notADuplicate: true }, firstAdmin);
    await first.core.sync.syncNow();
    let pages = 0;
    let reachable = true;
    const fourth = await openWorkstation('four', () => harness.hub, {
      startMs: START_MS,
      transport: (base) => ({
        ...base,
        snapshotPage: async (credential, request) => {
          pages += 1;
          if (pages === 4) reachable = false;
          if (!reachable) throw new HubUnavailable('The hub cannot be reached.');
          return base.snapshotPage(credential, { ...request, limit: 2 });
        },
      }),
    });
    try {
      const { code } = await call(first, 'sync.createJoinCode', {}, firstAdmin);
      await call(fourth, 'sync.join', { hubUrl: 'http://hub.test', code });
      await fourth.core.sync.syncNow();
      expect(fourth.core.sync.bootstrapping).toBe(true);
      // As an older version kept it: the table by its place in that version's order, part way through.
      const sqlite = fourth.core.database.sqlite;
      const kept = JSON.parse(sqlite.prepare(`select value from local_meta where key = 'bootstrap_progress'`).pluck().get() as string) as { cursor: string | null; total: number };
      sqlite.prepare(`update local_meta set value = ? where key = 'bootstrap_progress'`).run(JSON.stringify({ table: 5, after: null, cursor: kept.cursor, done: 3, total: kept.total }));
      await fourth.restart();
      reachable = true;
      await fourth.core.sync.syncNow();
      expect(fourth.core.sync.bootstrapping).toBe(false);
      for (const table of syncedTableNames()) {
        const atHub = await hubRows(harness.hub, table, clinicId);
        expect(workstationRows(fourth.core.database.sqlite, table, null), `${table} on the joining workstation`).toEqual(atHub);
      }
    } finally {
      await fourth.close();
    }
  });

  it('shows the last sync’s time at once, and keeps it on disk at most once a minute and when sync stops', async () => {
    const onDisk = (): unknown => first.core.database.sqlite.prepare(`select value from local_meta where key = 'last_sync_at'`).pluck().get();
    const keptAt = onDisk();
    first.clock.advance(5_000);
    await first.core.sync.syncNow();
    expect(first.core.sync.status().lastSyncAt).toBe(new Date(START_MS + 5_000).toISOString());
    expect(onDisk()).toBe(keptAt);
    first.clock.advance(60_000);
    await first.core.sync.syncNow();
    expect(onDisk()).toBe(new Date(START_MS + 65_000).toISOString());
    first.clock.advance(1_000);
    await first.core.sync.syncNow();
    await first.restart();
    expect(first.core.sync.status().lastSyncAt).toBe(new Date(START_MS + 66_000).toISOString());
  });

  it('carries each workstation’s changes to the other, with record numbers that never collide', async () => {
    await joinSecond();
    const desk = (await call(second, 'auth.signIn', { username: 'desk', password: 'desk-password' })).token ?? '';
    await call(second, 'auth.changePassword', { currentPassword: 'desk-password', newPassword: 'desk-own-password' }, desk);
    const onSecond = await call(second, 'patients.register', { ...patientInput({ givenName: 'Tom', familyName: 'Baker', phone: '', birth: { kind: 'date', date: '1960-01-01' } }), notADuplicate: false }, desk);
    const onFirst = await call(first, 'patients.register', { ...patientInput({ givenName: 'Lena', familyName: 'Ek', phone: '', birth: { kind: 'date', date: '1990-01-01' } }), notADuplicate: false }, firstAdmin);
    expect(onSecond.mrn).not.toBe(onFirst.mrn);
    await expectConverged();
    const names = (await call(first, 'patients.search', { query: 'tom baker' }, firstAdmin)).results.map((patient) => patient.mrn);
    expect(names).toEqual([onSecond.mrn]);
  });

  it('keeps both people’s edits to different fields of one patient made while apart', async () => {
    await joinSecond();
    const patient = (await call(first, 'patients.search', { query: 'priya' }, firstAdmin)).results[0];
    const desk = (await call(second, 'auth.signIn', { username: 'desk', password: 'desk-password' })).token ?? '';
    await call(second, 'auth.changePassword', { currentPassword: 'desk-password', newPassword: 'desk-own-password' }, desk);
    first.clock.advance(1000);
    await call(first, 'patients.update', { ...patientInput({ phone: '0117 000 1111' }), patientId: patient?.id ?? '' }, firstAdmin);
    second.clock.advance(2000);
    await call(second, 'patients.update', { ...patientInput({ email: 'priya@example.org' }), patientId: patient?.id ?? '' }, desk);
    await expectConverged();
    const record = await call(first, 'patients.get', { patientId: patient?.id ?? '' }, firstAdmin);
    expect(record).toMatchObject({ phone: '0117 000 1111', email: 'priya@example.org' });
  });

  /** The latest stamp among the column clocks a workstation holds. */
  function latestHeld(ws: Workstation): string {
    let latest = '';
    for (const table of syncedTableNames()) {
      for (const text of ws.core.database.sqlite.prepare(`select sync_clock from "${table}" where sync_clock is not null`).pluck().all() as string[]) {
        for (const stamp of Object.values(JSON.parse(text) as Record<string, string>)) if (stamp > latest) latest = stamp;
      }
    }
    return latest;
  }

  it('moves a workstation’s clock past every stamp its first sync and its pulls bring', async () => {
    // The hub's clock goes back a minute: the second workstation, which takes the hub's time,
    // would otherwise stamp its changes before the first workstation's.
    hubClock.set(START_MS - 60_000);
    await joinSecond();
    const received = latestHeld(second);
    expect(received > second.core.stamper.clock.tick()).toBe(false);

    first.clock.advance(5_000);
    await call(first, 'patients.register', { ...patientInput({ givenName: 'Lena', familyName: 'Ek', phone: '', birth: { kind: 'date', date: '1990-01-01' } }), notADuplicate: false }, firstAdmin);
    await first.core.sync.syncNow();
    await second.core.sync.syncNow();
    const pulled = latestHeld(second);
    expect(pulled > received).toBe(true);
    expect(second.core.stamper.clock.tick() > pulled).toBe(true);
  });
});

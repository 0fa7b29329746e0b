import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';
import { syncedTableNames } from '#shared/sync/tables.ts';
import { manualClock } from '#core/platform/clock.ts';
import { ChunkPace, localRangeDigests, localTableDigests } from '#core/sync/digest.ts';
import { adminAccount, patientInput, sampleClinic, START_MS } from '#tests/support/core-harness.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import { hubRows, openWorkstation, workstationRows, type Workstation } from '#tests/support/sync-world.ts';
import { describeEachHubKind } from '#tests/support/each-hub-kind.ts';

async function call<N extends CallName>(ws: Workstation, name: N, input: CallInput<N>, token: string | null = null): Promise<CallResult<N>> {
  const outcome = await ws.core.dispatch({ call: name, input, token });
  if (!outcome.ok) throw new Error(`${ws.key} ${name}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as CallResult<N>;
}

/** Changes a workstation's copy behind the sync engine's back, as a damaged disk or a bug would. */
function damage(ws: Workstation, sql: string, ...params: unknown[]): void {
  const sqlite = ws.core.database.sqlite;
  const mode = sqlite.prepare(`select mode from sync_state where id = 1`).pluck().get() as number;
  sqlite.prepare(`update sync_state set mode = 2 where id = 1`).run();
  sqlite.prepare(sql).run(...params);
  sqlite.prepare(`update sync_state set mode = ? where id = 1`).run(mode);
}


describeEachHubKind('comparing a workstation with the hub (SYNC.md §10) on %s', (kind) => {
  const hubClock = manualClock(START_MS);
  let harness: HubHarness;
  let first: Workstation;
  let second: Workstation;
  let clinicId: string;
  let admin: string;
  let patientIds: string[];
  let rowsRead: number;

  beforeEach(async () => {
    harness = await startHub({ now: hubClock.now, kind });
    first = await openWorkstation('one', () => harness.hub, { startMs: START_MS });
    second = await openWorkstation('two', () => harness.hub, { startMs: START_MS });
    const setup = await call(first, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount });
    admin = setup.token ?? '';
    clinicId = setup.activeClinic?.clinicId ?? '';
    patientIds = [];
    for (let index = 0; index < 40; index += 1) {
      const saved = await call(first, 'patients.register', { ...patientInput({ givenName: `Given${String(index)}`, familyName: `Family${String(index)}`, phone: '', birth: { kind: 'date', date: '1980-01-01' } }), notADuplicate: true }, admin);
      patientIds.push(saved.id);
    }
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: 'RFC01', clinicId: null });
    await call(first, 'sync.connect', { hubUrl: 'http://hub.test', code }, admin);
    await first.core.sync.syncNow();
    const join = await call(first, 'sync.createJoinCode', {}, admin);
    await call(second, 'sync.join', { hubUrl: 'http://hub.test', code: join.code });
    await second.core.sync.syncNow();
    await first.core.sync.syncNow();
    // Counts the rows read again, to show that only the differing range travels.
    rowsRead = 0;
    const hub = harness.hub;
    const snapshotPage = hub.snapshotPage.bind(hub);
    hub.snapshotPage = async (credential, request) => {
      const page = await snapshotPage(credential, request);
      if (request.through !== undefined) rowsRead += page.rows.length;
      return page;
    };
  });

  afterEach(async () => {
    await first.close();
    await second.close();
    await harness.close();
  });

  async function expectEqualEverywhere(): Promise<void> {
    for (const ws of [first, second]) {
      expect(await ws.core.sync.compareNow(), `${ws.key} compared with the hub`).toMatchObject({ equal: true, rowsMended: 0, rowsResent: 0 });
      for (const table of syncedTableNames()) {
        const atHub = await hubRows(harness.hub, table, clinicId);
        expect(workstationRows(ws.core.database.sqlite, table, null), `${table} on ${ws.key}`).toEqual(atHub);
      }
    }
  }

  it('gives the same digest here and at the hub for the same rows, and reads nothing again when equal', async () => {
    const credential = first.core.sync.settings()?.credential ?? '';
    const atHub = await harness.hub.tableDigests(credential);
    expect(await localTableDigests(first.core.database.sqlite, clinicId)).toEqual(atHub.tables);
    expect(atHub.tables['patients']?.count).toBe(40);
    await expectEqualEverywhere();
    expect(rowsRead).toBe(0);
    expect(first.core.sync.status().lastCheck).toMatchObject({ equal: true });
  });

  it('gives the digests of the hub whatever the size of the chunks read between pauses', async () => {
    const credential = first.core.sync.settings()?.credential ?? '';
    const sqlite = first.core.database.sqlite;
    const atHub = await harness.hub.tableDigests(credential);
    const { ranges } = await harness.hub.tableRanges(credential, { table: 'patients' });
    expect(ranges.length).toBeGreaterThan(1);
    /** Chunks of one size throughout, so the chunk ends fall where the test puts them. */
    class FixedPace extends ChunkPace {
      constructor(rows: number) {
        super();
        this.rows = rows;
      }
      override took(): void {}
    }
    for (const rows of [1, 3, 7, 39, 40, 41, 1000]) {
      expect(await localTableDigests(sqlite, clinicId, () => new FixedPace(rows)), `chunks of ${String(rows)}`).toEqual(atHub.tables);
      expect(await localRangeDigests(sqlite, clinicId, 'patients', ranges, new FixedPace(rows)), `ranges in chunks of ${String(rows)}`).toEqual(ranges);
    }
  });

  it('sets a damaged copy right from the hub, reading again only the range of keys that differs', async () => {
    const victim = patientIds[7] ?? '';
    damage(second, `update patients set given_name = 'Damaged', phone = '000' where id = ?`, victim);
    const check = await second.core.sync.compareNow();
    expect(check).toMatchObject({ equal: false, rowsResent: 0 });
    expect(check?.rowsMended).toBeGreaterThanOrEqual(1);
    expect(rowsRead).toBeGreaterThanOrEqual(1);
    expect(rowsRead).toBeLessThan(40);
    expect(second.core.database.sqlite.prepare(`select given_name from patients where id = ?`).pluck().get(victim)).toBe('Given7');
    await expectEqualEverywhere();
  });

  it('fetches a row the feed never brought, and the patient can be found by name', async () => {
    const source = patientIds[3] ?? '';
    const lost = '01900000-0000-7000-8000-00000000abcd';
    await harness.hub.db.query(
      `insert into patients select (jsonb_populate_record(null::patients, to_jsonb(p) || jsonb_build_object('id', $2::text, 'mrn', 'RFC01-M9999', 'given_name', 'Orla', 'family_name', 'Quinn'))).* from patients p where id = $1`,
      [source, lost],
    );
    await harness.hub.db.query(`insert into hub_row_clinics (clinic_id, tbl, row_id) values ($1, 'patients', $2)`, [clinicId, lost]);
    expect(await second.core.sync.compareNow()).toMatchObject({ equal: false, rowsMended: 1 });
    const staff = (await call(second, 'auth.signIn', { username: adminAccount.username, password: adminAccount.password })).token ?? '';
    const found = await call(second, 'patients.search', { query: 'orla quinn' }, staff);
    expect(found.results.map((patient) => patient.mrn)).toEqual(['RFC01-M9999']);
    // The sign-in and the search are audited on the second workstation; they go up before the
    // first compares, or they could reach the hub between its pull and its comparison.
    await second.core.sync.syncNow();
    await first.core.sync.compareNow();
    await expectEqualEverywhere();
  });

  it('sends again, with the clocks it had, what the hub lost after this workstation stopped keeping it', async () => {
    const patient = patientIds[11] ?? '';
    first.clock.advance(60_000);
    await call(first, 'patients.update', { ...patientInput({ givenName: 'Given11', familyName: 'Family11', phone: '0117 496 0000', birth: { kind: 'date', date: '1980-01-01' } }), patientId: patient }, admin);
    await first.core.sync.syncNow();
    await second.core.sync.syncNow();
    const [before] = await harness.hub.db.query<{ sync_clock: Record<string, string> }>(`select sync_clock from patients where id = $1`, [patient]);
    // The hub loses the edit and a whole row (restored from a backup), and the workstation no longer keeps either change.
    await harness.hub.db.query(`update patients set phone = '', sync_clock = sync_clock - 'phone' where id = $1`, [patient]);
    const gone = patientIds[12] ?? '';
    await harness.hub.db.query(`delete from patients where id = $1`, [gone]);
    await harness.hub.db.query(`delete from hub_row_clinics where row_id = $1`, [gone]);
    first.core.database.sqlite.prepare(`delete from sync_outbox`).run();

    const check = await first.core.sync.compareNow();
    expect(check).toMatchObject({ equal: false });
    expect(check?.rowsResent).toBe(2);
    expect(first.core.sync.status().pendingChanges).toBe(0);
    const [after] = await harness.hub.db.query<{ phone: string; sync_clock: Record<string, string> }>(`select phone, sync_clock from patients where id = $1`, [patient]);
    expect(after).toEqual({ phone: '0117 496 0000', sync_clock: before?.sync_clock });
    await second.core.sync.syncNow();
    await expectEqualEverywhere();
    expect((await harness.hub.db.query(`select 1 from hub_rejections`)).length).toBe(0);
  });
});

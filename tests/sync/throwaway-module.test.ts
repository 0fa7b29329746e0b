import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';
import { formatHlc } from '#shared/sync/hlc.ts';
import { bySubject, ledger, register, registerSyncTables, syncedTableNames, type SyncTableDeclarations } from '#shared/sync/tables.ts';
import { manualClock } from '#core/platform/clock.ts';
import { sourcePaths } from '#core/platform/paths.ts';
import { statement } from '#core/db/statements.ts';
import { clashingPairs } from '#core/sync/conflicts.ts';
import { registerSyncParticipant, type SyncParticipant } from '#core/sync/participants.ts';
import { openPglite } from '#hub/db/hub-db.ts';
import { migrateHub } from '#hub/db/migrate.ts';
import { hubMigrationsDir } from '#hub/hub-service.ts';
import { adminAccount, patientInput, sampleClinic, START_MS } from '#tests/support/core-harness.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import { hubRows, openWorkstation, workstationRows, type Workstation } from '#tests/support/sync-world.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';

// A module made up for this test, registered in the test's own registry the way a feature's
// folders register theirs: a patient's tally accounts (a register) and the amounts entered on
// them (a ledger), with each account's total kept by a trigger in a table of this workstation's
// own. It shows what a new module gets from the sync engine without a change to the engine's
// files: its rows go up and come down, a first sync leaves its total right, the rows follow their
// patient into a newly linked clinic, and a conflict of its own kind is found and recorded.

const tallyTables = {
  tally_accounts: register(bySubject('patient', 'patient_id')),
  tally_entries: ledger(bySubject('patient', 'patient_id')),
} as const satisfies SyncTableDeclarations;

const WORKSTATION_MIGRATION = `CREATE TABLE tally_accounts (
	id text PRIMARY KEY NOT NULL,
	patient_id text NOT NULL REFERENCES patients(id),
	label text NOT NULL,
	created_at text NOT NULL,
	updated_at text NOT NULL,
	deleted_at text,
	sync_clock text
);
--> statement-breakpoint
CREATE TABLE tally_entries (
	id text PRIMARY KEY NOT NULL,
	account_id text NOT NULL REFERENCES tally_accounts(id),
	patient_id text NOT NULL REFERENCES patients(id),
	amount integer NOT NULL,
	created_at text NOT NULL,
	sync_clock text
);
--> statement-breakpoint
CREATE TABLE tally_totals (account_id text PRIMARY KEY NOT NULL, total integer NOT NULL);
--> statement-breakpoint
CREATE TRIGGER tally_totals_on_entry AFTER INSERT ON tally_entries
BEGIN
	INSERT INTO tally_totals (account_id, total) VALUES (NEW.account_id, NEW.amount) ON CONFLICT (account_id) DO UPDATE SET total = total + excluded.total;
END;
`;

const HUB_MIRRORS = [
  `create table tally_accounts (id text primary key, patient_id text, label text, created_at text, updated_at text, deleted_at text, sync_clock jsonb not null default '{}')`,
  `create table tally_entries (id text primary key, account_id text, patient_id text, amount bigint, created_at text, sync_clock jsonb not null default '{}')`,
];

/** Two desks opened an account of one name for one patient while apart. */
const LABEL_CLASHES_SQL = `select a.id, other.id as other_id, p.registered_clinic_id as clinic_id from json_each(?) as page
     join tally_accounts a on a.id = page.value
     join tally_accounts other on other.patient_id = a.patient_id and other.label = a.label and other.id <> a.id and other.deleted_at is null
     join patients p on p.id = a.patient_id
    where a.deleted_at is null`;

const tallyParticipant: SyncParticipant = {
  name: 'tally',
  conflictDetectors: [{ table: 'tally_accounts', watches: (row) => row.inserted, detect: (sqlite, _db, ids) => clashingPairs(sqlite, 'TALLY_LABEL_CLASH', LABEL_CLASHES_SQL, ids) }],
  conflictRows: { TALLY_LABEL_CLASH: (_sqlite, id) => ({ id, label: id, detail: '' }) },
  bulkLoad: {
    triggers: 'tally\\_totals\\_%',
    afterBulkLoad: (sqlite) => {
      sqlite.exec(`delete from tally_totals`);
      sqlite.exec(`insert into tally_totals (account_id, total) select account_id, sum(amount) from tally_entries group by account_id`);
    },
  },
};

/** The application's migrations and the module's, as a release carrying the module would ship them. */
function migrationsWithTally(into: string): string {
  cpSync(sourcePaths.sqliteMigrations, into, { recursive: true });
  const journalFile = join(into, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] };
  journal.entries.push({ idx: journal.entries.length, tag: '9000_tally' });
  writeFileSync(journalFile, JSON.stringify(journal));
  writeFileSync(join(into, '9000_tally.sql'), WORKSTATION_MIGRATION);
  return into;
}

async function call<N extends CallName>(ws: Workstation, name: N, input: CallInput<N>, token: string | null = null): Promise<CallResult<N>> {
  const outcome = await ws.core.dispatch({ call: name, input, token });
  if (!outcome.ok) throw new Error(`${ws.key} ${name}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as CallResult<N>;
}

/** A local write, stamped as every service's write is, so the capture triggers queue it. */
function writeLocally(ws: Workstation, work: (sqlite: Database.Database) => void): void {
  const { sqlite, db } = ws.core.database;
  sqlite.transaction(() => {
    ws.core.stamper.begin(db);
    work(sqlite);
  })();
}

function openAccount(ws: Workstation, id: string, patientId: string, label: string): void {
  writeLocally(ws, (sqlite) => sqlite.prepare(`insert into tally_accounts (id, patient_id, label, created_at, updated_at) values (?, ?, ?, 'x', 'x')`).run(id, patientId, label));
}

function enter(ws: Workstation, id: string, accountId: string, patientId: string, amount: number): void {
  writeLocally(ws, (sqlite) => sqlite.prepare(`insert into tally_entries (id, account_id, patient_id, amount, created_at) values (?, ?, ?, ?, 'x')`).run(id, accountId, patientId, amount));
}

function totalOf(ws: Workstation, accountId: string): number | undefined {
  return statement(ws.core.database.sqlite, `select total from tally_totals where account_id = ?`).pluck().get(accountId) as number | undefined;
}

describe('a module registered by a test syncs end to end through the engine', () => {
  registerSyncTables(tallyTables);
  registerSyncParticipant(tallyParticipant);

  const hubClock = manualClock(START_MS);
  const hubFolder = makeTempDir('clinic-hub-tally-');
  const migrations = makeTempDir('clinic-migrations-tally-');
  let harness: HubHarness;
  let first: Workstation;
  let second: Workstation;
  let admin: string;
  let clinicId: string;
  let patientId: string;

  beforeEach(async () => {
    // The hub's mirrors of the module's tables, as its hub migration would make them.
    const prepared = await openPglite(hubFolder.path);
    await migrateHub(prepared, hubMigrationsDir);
    for (const ddl of HUB_MIRRORS) await prepared.query(ddl);
    await prepared.close();
    harness = await startHub({ now: hubClock.now, dataDir: hubFolder.path });
    const migrationsDir = migrationsWithTally(migrations.path);
    first = await openWorkstation('one', () => harness.hub, { startMs: START_MS, migrationsDir });
    second = await openWorkstation('two', () => harness.hub, { startMs: START_MS, migrationsDir });
    const setup = await call(first, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount });
    admin = setup.token ?? '';
    clinicId = setup.activeClinic?.clinicId ?? '';
    patientId = (await call(first, 'patients.register', { ...patientInput(), notADuplicate: false }, admin)).id;
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: sampleClinic.code, clinicId: null });
    await call(first, 'sync.connect', { hubUrl: 'http://hub.test', code }, admin);
    await first.core.sync.syncNow();
  });

  afterEach(async () => {
    await first.close();
    await second.close();
    await harness.close();
    hubFolder.remove();
    migrations.remove();
  });

  async function joinSecond(): Promise<void> {
    const { code } = await call(first, 'sync.createJoinCode', {}, admin);
    await call(second, 'sync.join', { hubUrl: 'http://hub.test', code });
    await second.core.sync.syncNow();
  }

  it('goes up and comes down in order, and a first sync leaves the total its trigger keeps right', async () => {
    expect(syncedTableNames()).toEqual(expect.arrayContaining(['tally_accounts', 'tally_entries']));
    openAccount(first, 'acc-1', patientId, 'Loyalty');
    enter(first, 'ent-1', 'acc-1', patientId, 5);
    enter(first, 'ent-2', 'acc-1', patientId, 7);
    enter(first, 'ent-3', 'acc-1', patientId, 11);
    expect(totalOf(first, 'acc-1')).toBe(23);
    await first.core.sync.syncNow();

    await joinSecond();
    expect(second.core.sync.bootstrapping).toBe(false);
    for (const table of ['tally_accounts', 'tally_entries']) {
      const atHub = await hubRows(harness.hub, table, clinicId);
      expect(atHub.size, `${table} at the hub`).toBeGreaterThan(0);
      expect(workstationRows(second.core.database.sqlite, table, null), `${table} on the joining workstation`).toEqual(atHub);
    }
    expect(totalOf(second, 'acc-1'), 'the total after a first sync').toBe(23);
    const trigger = second.core.database.sqlite.prepare(`select count(*) from sqlite_master where type = 'trigger' and name = 'tally_totals_on_entry'`).pluck().get();
    expect(trigger, 'the module’s trigger is back after the first sync').toBe(1);
    expect(() => second.core.database.sqlite.prepare(`delete from tally_entries`).run(), 'the engine guards the module’s tables against hard deletes').toThrow(/never deleted/);

    // Afterwards the trigger keeps the total as entries come from the other desk.
    enter(first, 'ent-4', 'acc-1', patientId, 100);
    await first.core.sync.syncNow();
    await second.core.sync.syncNow();
    expect(totalOf(second, 'acc-1')).toBe(123);
  });

  it('finds a conflict of the module’s own kind in what a pull brings, and records it for every desk', async () => {
    await joinSecond();
    // Both desks open a "Loyalty" account for the patient before either hears of the other's.
    openAccount(second, 'acc-b', patientId, 'Loyalty');
    await second.core.sync.syncNow();
    openAccount(first, 'acc-a', patientId, 'Loyalty');
    await first.core.sync.syncNow();
    first.core.sync.checkConflicts();
    await first.core.sync.syncNow();
    await second.core.sync.syncNow();
    for (const ws of [first, second]) {
      const recorded = ws.core.database.sqlite.prepare(`select kind, row_ids, clinic_id from sync_conflicts`).all();
      expect(recorded, `conflicts on ${ws.key}`).toEqual([{ kind: 'TALLY_LABEL_CLASH', row_ids: JSON.stringify(['acc-a', 'acc-b']), clinic_id: clinicId }]);
    }
  });

  it('sends the module’s rows with their patient to a clinic the patient is newly linked to', async () => {
    openAccount(first, 'acc-1', patientId, 'Loyalty');
    enter(first, 'ent-1', 'acc-1', patientId, 5);
    await first.core.sync.syncNow();
    // Another clinic on the hub with a device of its own, and a chain's desk enrolled in both clinics that links the patient there.
    const otherClinic = '0194379c-6c00-7000-8000-0000000000b1';
    const organizationId = first.core.database.sqlite.prepare(`select organization_id from clinics`).pluck().get() as string;
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: 'BBB01', clinicId: null, organizationOf: sampleClinic.code });
    const other = await harness.hub.enrol({ code, deviceId: '0194379c-6c00-7000-8000-00000000d0b1', deviceName: 'desk B', databaseId: 'db-b', clinic: { id: otherClinic, code: 'BBB01', organizationId } });
    const joinCode = await harness.hub.createJoinCode(first.core.sync.settings()?.credential ?? '');
    const linker = await harness.hub.enrol({ code: joinCode.code, deviceId: '0194379c-6c00-7000-8000-00000000d0c1', deviceName: 'chain desk', databaseId: 'db-chain', clinic: null });
    await harness.hub.db.query(`insert into hub_device_clinics (device_id, clinic_id, workstation_number) values ($1, $2, 9)`, [linker.deviceId, otherClinic]);
    const stamp = formatHlc({ wallMs: first.core.clock.now() + 60_000, counter: 0, node: 'linker' });
    await harness.hub.push(linker.credential, { txs: [{ seq: 1, hlc: stamp, ops: [{ table: 'patient_clinics', id: 'link-b', kind: 'insert', columns: { id: 'link-b', patient_id: patientId, clinic_id: otherClinic, created_at: 'x', updated_at: 'x', deleted_at: null } }] }] });
    const page = await harness.hub.pull(other.credential, { cursor: null, limit: 1000 });
    const tally = page.changes.filter((change) => change.table.startsWith('tally_')).map((change) => [change.table, change.id]);
    expect(tally.sort()).toEqual([
      ['tally_accounts', 'acc-1'],
      ['tally_entries', 'ent-1'],
    ]);
  });
});

import type { ClinicId } from '#shared/domain/ids.ts';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '#core/db/open.ts';
import { backupsDirIn, databaseFileIn, sourcePaths } from '#core/platform/paths.ts';
import { allocateNumber } from '#core/references/number-blocks.ts';
import { setSyncMode, SYNC_MODE } from '#core/sync/change-stamps.ts';
import { countPending, firstWaitingChanges, highestAcked, numberPendingTransactions, pendingTransactions, purgeAcked, recordPushResponse, pushRequestText, reopenAfter, type OutgoingTx } from '#core/sync/outbox.ts';
import { pushRequestSchema, type PushResponse } from '#shared/sync/protocol.ts';
import { patientInput, setUpClinic, startHarness, type Harness } from '#tests/support/core-harness.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';

/** How many changes a waiting transaction holds. */
const changesIn = (tx: OutgoingTx): number => (JSON.parse(tx.opsJson) as unknown[]).length;

const answer = (appliedThrough: number): PushResponse => ({ hubId: 'hub', epoch: 1, hubTime: 0, appliedThrough, rejected: [], restamped: [] });

describe('the outbox of a connected workstation', () => {
  // A clinic set up, its changes captured, with a block of record numbers.
  let harness: Harness;
  let admin: string;
  let sqlite: Database.Database;
  beforeEach(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
    sqlite = harness.core.database.sqlite;
    const clinicId = sqlite.prepare('select id from clinics').pluck().get() as ClinicId;
    allocateNumber(harness.core.database.db, { clinicId, series: 'M', deviceId: harness.core.identity.deviceId, nowMs: 0 });
    setSyncMode(harness.core.database.db, SYNC_MODE.connected);
  });
  afterEach(() => harness.close());

  describe('acknowledged by marks', () => {
    /** Registers patients, each in its own local transaction, and numbers them for the push. */
    const register = async (count: number): Promise<OutgoingTx[]> => {
      for (let index = 0; index < count; index += 1) {
        await harness.call('patients.register', { ...patientInput({ givenName: `Ack${String(index)}`, phone: `0117 496 ${String(1000 + index)}` }), notADuplicate: true }, admin);
      }
      numberPendingTransactions(sqlite);
      return pendingTransactions(sqlite, 10_000);
    };
    const outboxText = (): string => JSON.stringify(sqlite.prepare('select * from sync_outbox order by seq').all());

    it('acknowledges by writing one mark, leaving the outbox rows as they were', async () => {
      const sent = await register(4);
      expect(sent.map((tx) => tx.seq)).toEqual([1, 2, 3, 4]);
      const before = outboxText();
      const changes = countPending(sqlite).changes;

      recordPushResponse(sqlite, sent, answer(2), '2026-03-02T09:00:00.000Z');
      expect(outboxText()).toBe(before);
      expect(sqlite.prepare('select through_seq, acked_at from sync_outbox_acks').all()).toEqual([{ through_seq: 2, acked_at: '2026-03-02T09:00:00.000Z' }]);
      expect(pendingTransactions(sqlite, 10_000).map((tx) => tx.seq)).toEqual([3, 4]);
      const ackedChanges = sent.slice(0, 2).reduce((sum, tx) => sum + changesIn(tx), 0);
      expect(countPending(sqlite)).toEqual({ changes: changes - ackedChanges, transactions: 2 });

      // The same answer again, or an older one arriving late, moves nothing.
      recordPushResponse(sqlite, sent, answer(2), '2026-03-02T09:01:00.000Z');
      expect(highestAcked(sqlite)).toBe(2);
      expect(sqlite.prepare('select count(*) from sync_outbox_acks').pluck().get()).toBe(1);

      // The Sync screen lists what still waits: the numbered ones, then a change made since.
      await harness.call('patients.register', { ...patientInput({ givenName: 'Later', phone: '0117 496 2999' }), notADuplicate: true }, admin);
      const waiting = firstWaitingChanges(sqlite, 200).filter((change) => change.table === 'patients');
      expect(waiting).toHaveLength(3);
      expect(firstWaitingChanges(sqlite, 1)).toHaveLength(1);
      expect(firstWaitingChanges(sqlite, 200)).toHaveLength(countPending(sqlite).changes);
      const screen = await harness.call('sync.pending', {}, admin);
      expect(screen.total).toBe(countPending(sqlite).changes);
      expect(screen.changes.filter((change) => change.table === 'patients').map((change) => change.rowId)).toEqual(waiting.map((change) => change.rowId));
      expect(screen.changes.every((change) => !Number.isNaN(Date.parse(change.stampedAt)))).toBe(true);

      // Numbering it writes one row for the transaction and leaves its changes as they were.
      const unnumbered = outboxText();
      numberPendingTransactions(sqlite);
      expect(outboxText()).toBe(unnumbered);
      expect(sqlite.prepare('select txn, pushed_seq from sync_outbox_txns order by txn').all()).toHaveLength(5);
      expect(pendingTransactions(sqlite, 10_000).map((tx) => tx.seq)).toEqual([3, 4, 5]);
    });

    it('reopens what a hub restored from an older backup lost, and keeps when the rest was acknowledged', async () => {
      const sent = await register(5);
      recordPushResponse(sqlite, sent.slice(0, 2), answer(2), '2026-03-01T09:00:00.000Z');
      recordPushResponse(sqlite, sent.slice(2), answer(5), '2026-03-02T09:00:00.000Z');
      expect(countPending(sqlite).changes).toBe(0);

      const reopened = reopenAfter(sqlite, 3);
      expect(reopened).toBe(sent.slice(3).reduce((sum, tx) => sum + changesIn(tx), 0));
      expect(pendingTransactions(sqlite, 10_000).map((tx) => tx.seq)).toEqual([4, 5]);
      expect(countPending(sqlite).transactions).toBe(2);
      // Transaction 3 stays acknowledged, as of when it first was.
      expect(sqlite.prepare('select through_seq, acked_at from sync_outbox_acks order by through_seq').all()).toEqual([
        { through_seq: 2, acked_at: '2026-03-01T09:00:00.000Z' },
        { through_seq: 3, acked_at: '2026-03-02T09:00:00.000Z' },
      ]);
      expect(reopenAfter(sqlite, 3)).toBe(0);

      // A hub that lost everything gets everything again.
      expect(reopenAfter(sqlite, 0)).toBe(sent.slice(0, 3).reduce((sum, tx) => sum + changesIn(tx), 0));
      expect(pendingTransactions(sqlite, 10_000).map((tx) => tx.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(highestAcked(sqlite)).toBe(0);
    });

    it('purges changes acknowledged before a time, keeping the mark and numbering on after it', async () => {
      const sent = await register(4);
      recordPushResponse(sqlite, sent, answer(2), '2026-03-01T09:00:00.000Z');
      recordPushResponse(sqlite, sent, answer(4), '2026-03-03T09:00:00.000Z');
      const rowsOf = (): number[] => sqlite.prepare('select distinct t.pushed_seq from sync_outbox o join sync_outbox_txns t on t.txn = o.txn order by t.pushed_seq').pluck().all() as number[];

      expect(purgeAcked(sqlite, '2026-03-01T00:00:00.000Z')).toBe(0);
      expect(purgeAcked(sqlite, '2026-03-02T00:00:00.000Z')).toBe(sent.slice(0, 2).reduce((sum, tx) => sum + changesIn(tx), 0));
      expect(rowsOf()).toEqual([3, 4]);
      expect(purgeAcked(sqlite, '2026-03-02T00:00:00.000Z')).toBe(0);

      expect(purgeAcked(sqlite, '2026-03-04T00:00:00.000Z')).toBeGreaterThan(0);
      expect(rowsOf()).toEqual([]);
      expect(sqlite.prepare('select through_seq from sync_outbox_acks').pluck().all()).toEqual([4]);
      expect(countPending(sqlite)).toEqual({ changes: 0, transactions: 0 });

      const next = await register(1);
      expect(next.map((tx) => tx.seq)).toEqual([5]);
      expect(countPending(sqlite).transactions).toBe(1);
    });
  });

  describe('sent as a push', () => {
    it('carries each change as stored: a new row whole, a changed row by its changed columns, any text intact', async () => {
      const name = 'O\'Brien "Jr" \\ 名前 😀';
      const patient = await harness.call('patients.register', { ...patientInput({ givenName: name }), notADuplicate: true }, admin);
      harness.clock.advance(1000);
      const renamed = 'Zoë "Q" \\ 🙂 {x}';
      await harness.call('patients.update', { ...patientInput({ givenName: renamed, phone: '0117 496 0000' }), patientId: patient.id }, admin);
      numberPendingTransactions(sqlite);
      const txs = pendingTransactions(sqlite, 10_000);

      const request = pushRequestSchema.parse(JSON.parse(pushRequestText({ txs, gapAccepted: true })));
      expect(request.gapAccepted).toBe(true);
      expect(request.txs.map((tx) => [tx.seq, tx.hlc, tx.ops.length])).toEqual(txs.map((tx) => [tx.seq, tx.hlc, changesIn(tx)]));
      const stored = sqlite.prepare('select * from patients where id = ?').get(patient.id) as Record<string, unknown>;
      const { sync_clock: _clock, ...storedColumns } = stored;
      const patientOps = request.txs.flatMap((tx) => tx.ops).filter((op) => op.table === 'patients');
      expect(patientOps.map((op) => op.kind)).toEqual(['insert', 'update']);
      // The row as registered: as it is stored now but for what the update changed.
      const { phone: _phone, phone_digits_reversed: _digits, updated_at: _updated, given_name: _given, ...unchanged } = storedColumns;
      expect(patientOps[0]?.columns).toMatchObject({ ...unchanged, phone: '+44 7700 900123' });
      expect(Object.keys(patientOps[0]?.columns ?? {}).sort()).toEqual(Object.keys(storedColumns).sort());
      expect(patientOps[0]?.columns['given_name']).toBe(name);
      expect(patientOps[1]).toEqual({ table: 'patients', id: patient.id, kind: 'update', columns: { given_name: renamed, phone: '0117 496 0000', phone_digits_reversed: stored['phone_digits_reversed'], updated_at: stored['updated_at'] } });
      expect(stored['given_name']).toBe(renamed);
      // A transaction larger than a batch goes whole, alone.
      expect(pendingTransactions(sqlite, 1)).toEqual(txs.slice(0, 1));
      expect(JSON.parse(pushRequestText({ txs }))).not.toHaveProperty('gapAccepted');
    });

    it('keeps the changes of a refused transaction as they were sent', async () => {
      await harness.call('patients.register', { ...patientInput(), notADuplicate: true }, admin);
      numberPendingTransactions(sqlite);
      const sent = pendingTransactions(sqlite, 10_000);
      const [refused] = sent;
      recordPushResponse(sqlite, sent, { ...answer(refused?.seq ?? 0), rejected: [{ seq: refused?.seq ?? 0, code: 'BAD_VALUE', message: 'Refused.' }] }, '2026-03-02T09:00:00.000Z');
      const kept = sqlite.prepare('select changes from sync_rejections').pluck().get() as string;
      expect(JSON.parse(kept)).toEqual(pushRequestSchema.parse(JSON.parse(pushRequestText({ txs: sent }))).txs[0]?.ops);
    });
  });
});

describe('the outbox of a database an older release wrote', () => {
  const temp = makeTempDir();
  afterEach(() => temp.remove());

  it('keeps what was acknowledged, when, and what was still waiting', async () => {
    const open = (upTo?: string) =>
      openDatabase({ file: databaseFileIn(temp.path), migrationsDir: sourcePaths.sqliteMigrations, backupsDir: backupsDirIn(temp.path), nowMs: Date.parse('2026-03-02T09:00:00.000Z'), ...(upTo === undefined ? {} : { upTo }) });
    const old = await open('0010_outbox_waiting_index');
    const insert = old.sqlite.prepare(`insert into sync_outbox (txn, hlc, tbl, row_id, kind, data, pushed_seq, acked_at) values (?, 'h', 'patients', ?, 'insert', '{}', ?, ?)`);
    insert.run(1, 'a', 1, '2026-02-01T09:00:00.000Z');
    insert.run(1, 'b', 1, '2026-02-01T09:00:00.000Z');
    insert.run(2, 'c', 2, '2026-02-20T09:00:00.000Z');
    insert.run(3, 'd', 3, null);
    insert.run(4, 'e', null, null);
    old.sqlite.close();

    const upgraded = await open();
    const { sqlite } = upgraded;
    expect(sqlite.prepare('select through_seq, acked_at from sync_outbox_acks order by through_seq').all()).toEqual([
      { through_seq: 1, acked_at: '2026-02-01T09:00:00.000Z' },
      { through_seq: 2, acked_at: '2026-02-20T09:00:00.000Z' },
    ]);
    expect(sqlite.prepare('select txn, pushed_seq from sync_outbox_txns order by txn').all()).toEqual([
      { txn: 1, pushed_seq: 1 },
      { txn: 2, pushed_seq: 2 },
      { txn: 3, pushed_seq: 3 },
    ]);
    expect(countPending(sqlite)).toEqual({ changes: 2, transactions: 2 });
    expect(pendingTransactions(sqlite, 100).map((tx) => tx.seq)).toEqual([3]);
    numberPendingTransactions(sqlite);
    expect(pendingTransactions(sqlite, 100).map((tx) => tx.seq)).toEqual([3, 4]);
    expect(purgeAcked(sqlite, '2026-02-10T00:00:00.000Z')).toBe(2);
    expect(sqlite.prepare('select row_id from sync_outbox order by seq').pluck().all()).toEqual(['c', 'd', 'e']);
    expect(countPending(sqlite)).toEqual({ changes: 2, transactions: 2 });
    sqlite.close();
  });
});

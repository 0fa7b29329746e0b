import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ServerEvent } from '#shared/api/events.ts';
import type { Core } from '#core/core.ts';
import { uploadOrderOf } from '#core/sync/upload-order.ts';
import { adminAccount } from '#tests/support/core-harness.ts';
import { percentile, round, sample, type BenchSuite, type Figure } from '../figures.ts';
import { startBenchHub, type BenchHub, type HubKind } from '../sync/bench-hub.ts';
import { sqliteBulkInsertRowsPerSecond } from '../sync/ceiling.ts';
import { ROWS_PER_PATIENT, type FillTarget } from '../sync/hub-fill.ts';
import { call, catchUp, firstWorkstation, joinWorkstation, makeOfflineChanges, syncedRowCount, type BenchWorkstation, type FirstWorkstation } from '../sync/workstations.ts';

// The sync engine over real HTTP on 127.0.0.1: a clinic's first sync, a catch-up push, a change
// reaching another desk with live pokes, a sync with nothing to do, and a burst of changes
// arriving. The hub runs on PGlite and, when DATABASE_URL is set, on a fresh PostgreSQL database.

const SMALL_ROWS = 10_000;
// Each offline transaction holds 12 changes (two visits of four rows, the previous two closed).
const OFFLINE_TRANSACTIONS = 8_334;
// A morning's work at one desk, online, before the outage (12 changes each, as above).
const ONLINE_TRANSACTIONS = 1_000;
const INCREMENTAL_TRANSACTIONS = 84;
const NOOP_SAMPLES = 200;
const INCREMENTAL_ROUNDS = 5;
const PROPAGATION_SAMPLES = 60;
const PROPAGATION_WARMUP = 5;

const seconds = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e9;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string): void => {
  process.stdout.write(`  ${line}\n`);
};

function sizeLabel(rows: number): string {
  return rows >= 1_000_000 ? `${String(rows / 1_000_000)} M` : rows.toLocaleString('en');
}

function fillTarget(first: FirstWorkstation): FillTarget {
  return {
    clinicId: first.clinicId,
    clinicCode: 'RFC01',
    userId: first.userId,
    doctorIds: first.doctorIds,
    originDeviceId: first.core.identity.deviceId,
    hlc: first.core.stamper.clock.tick(),
    createdAt: new Date().toISOString(),
  };
}

/** A sync with nothing to do, many times: its time, and its bytes on the wire both ways. */
async function noopSync(hub: BenchHub, core: Core): Promise<{ ms: number; bytes: number }> {
  for (let warm = 0; warm < 20; warm += 1) await core.sync.syncNow();
  const bytesBefore = await hub.wireBytes();
  const durations = await sample(NOOP_SAMPLES, () => core.sync.syncNow());
  const bytes = ((await hub.wireBytes()) - bytesBefore) / NOOP_SAMPLES;
  if (core.sync.status().lastError !== null) throw new Error(`a sync with nothing to do failed: ${core.sync.status().lastError ?? ''}`);
  return { ms: percentile(durations, 0.5), bytes };
}

/** A change on the first workstation until it is on the second one's screen, both syncing in the background. */
async function propagation(first: FirstWorkstation, second: BenchWorkstation): Promise<number[]> {
  const signedIn = await call(second.core, 'auth.signIn', { username: adminAccount.username, password: adminAccount.password });
  const token = signedIn.token ?? '';
  const clinic = await call(first.core, 'clinic.get', {}, first.token);
  const { id: clinicId, code: _code, createdAt: _created, updatedAt: _updated, ...details } = clinic;
  const phoneOnSecond = second.core.database.sqlite.prepare(`select phone from clinics where id = ?`).pluck();
  first.core.sync.start();
  second.core.sync.start();
  await sleep(500);
  const latencies: number[] = [];
  for (let index = 0; index < PROPAGATION_SAMPLES + PROPAGATION_WARMUP; index += 1) {
    const phone = `+44 117 496 ${String(2000 + index)}`;
    let stop: () => void = () => undefined;
    const arrived = new Promise<bigint>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`change ${String(index)} did not reach the second workstation within 5 s`));
      }, 5_000);
      stop = second.core.subscribe(token, (event: ServerEvent) => {
        if (event.type === 'data.changed' && phoneOnSecond.get(clinicId) === phone) {
          clearTimeout(timer);
          resolve(process.hrtime.bigint());
        }
      });
    });
    const started = process.hrtime.bigint();
    await call(first.core, 'clinic.update', { ...details, phone }, first.token);
    const at = await arrived.finally(stop);
    if (index >= PROPAGATION_WARMUP) latencies.push(Number(at - started) / 1e6);
    await sleep(50);
  }
  return latencies;
}

type ScenarioResult = { figures: Figure[]; ceiling: { rows: number; seconds: number } | null };

/**
 * One hub: the first workstation sets the clinic up, the hub is filled with its history, a new
 * workstation joins. The full scenario (on one hub) also measures the small figures.
 */
async function scenario(kind: HubKind, rows: number, full: boolean, measureCeiling: boolean, databaseUrl: string | undefined): Promise<ScenarioResult> {
  const figures: Figure[] = [];
  const hub = await startBenchHub(kind, databaseUrl);
  const open: BenchWorkstation[] = [];
  let ceiling: ScenarioResult['ceiling'] = null;
  try {
    const first = await firstWorkstation(hub);
    open.push(first);
    await first.core.sync.stop();
    const target = fillTarget(first);
    const patients = Math.round(rows / ROWS_PER_PATIENT);
    let filled = 0;

    if (full) {
      const small = Math.round(SMALL_ROWS / ROWS_PER_PATIENT);
      await hub.fill(target, 0, small);
      filled = small;
      const joined = await joinWorkstation(hub, first.clinicId, 'small');
      await joined.core.sync.stop();
      const noop = await noopSync(hub, joined.core);
      figures.push({ name: 'noop_sync_ms_10k', value: round(noop.ms, 2), unit: 'ms', note: `median; ${String(syncedRowCount(joined.core, uploadOrderOf(joined.core.database.sqlite)))} rows, ${kind} hub, ${String(Math.round(noop.bytes))} B on the wire; goal: at most 5 ms` });
      await joined.close();
    }

    const fillStarted = process.hrtime.bigint();
    await hub.fill(target, filled, patients);
    log(`${kind}: hub filled to ${sizeLabel(rows)} rows in ${round(seconds(fillStarted), 1).toFixed(1)} s`);

    const joinStarted = process.hrtime.bigint();
    const joined = await joinWorkstation(hub, first.clinicId, 'joining');
    const bootstrapSeconds = seconds(joinStarted);
    open.push(joined);
    await joined.core.sync.stop();
    const loaded = syncedRowCount(joined.core, uploadOrderOf(joined.core.database.sqlite));
    figures.push({ name: `bootstrap_rows_per_s_${kind}`, value: round(loaded / bootstrapSeconds, 0), unit: 'rows/s', note: `${String(loaded)} rows, join to searchable, over HTTP; goal: half the SQLite ceiling` });
    figures.push({ name: `bootstrap_seconds_${kind}`, value: round(bootstrapSeconds, 2), unit: 's', note: `first sync of ${sizeLabel(loaded)} rows from a ${kind} hub` });
    log(`${kind}: first sync of ${String(loaded)} rows in ${bootstrapSeconds.toFixed(1)} s`);
    if (measureCeiling) ceiling = sqliteBulkInsertRowsPerSecond(joined.core, uploadOrderOf(joined.core.database.sqlite));

    if (full) {
      const noop = await noopSync(hub, joined.core);
      figures.push({ name: 'noop_sync_ms_1m', value: round(noop.ms, 2), unit: 'ms', note: `median; ${String(loaded)} rows, ${kind} hub; goal: at most 5 ms` });
      figures.push({ name: 'noop_sync_bytes_1m', value: Math.round(noop.bytes), unit: 'B', note: 'request and answer, headers included' });
      // How long the workstation's main process, which answers its screens, is held at a time.
      const pauses = monitorEventLoopDelay({ resolution: 1 });
      pauses.enable();
      const compareStarted = process.hrtime.bigint();
      const check = await joined.core.sync.compareNow();
      const compareMs = seconds(compareStarted) * 1000;
      pauses.disable();
      figures.push({ name: 'compare_equal_ms_1m', value: round(compareMs, 0), unit: 'ms', note: `comparing ${String(loaded)} rows with the ${kind} hub (SYNC.md §10, every ten minutes): ${check?.equal === true ? 'equal' : 'they differed'}` });
      figures.push({ name: 'compare_longest_pause_ms_1m', value: round(pauses.max / 1e6, 1), unit: 'ms', note: `the longest the main process was held during that comparison; 99th percentile ${(pauses.percentile(99) / 1e6).toFixed(1)} ms` });
    }

    // Who books the visits every batch of work below makes.
    const desk = { clinicId: first.clinicId, userId: first.userId, doctorIds: first.doctorIds };
    // A clinic's hub is a long-running process. Before its internet goes down this desk works
    // online a while, so the catch-up meets a hub whose push path has run (its code compiled, its
    // allocator sized for a batch), not a process that has only served first syncs since it started.
    const online = makeOfflineChanges(joined.core, { ...desk, transactions: ONLINE_TRANSACTIONS, tag: 'ONL', day: '2026-12-28', series: 'W' });
    const onlineStarted = process.hrtime.bigint();
    await catchUp(joined.core, online);
    log(`${kind}: first push since the hub started: ${String(online)} changes in ${seconds(onlineStarted).toFixed(2)} s`);
    const changes = makeOfflineChanges(joined.core, { ...desk, transactions: OFFLINE_TRANSACTIONS, tag: 'OFF', day: '2027-01-04', series: 'X' });
    const pushStarted = process.hrtime.bigint();
    const pushed = await catchUp(joined.core, changes);
    const pushSeconds = seconds(pushStarted);
    figures.push({ name: `push_changes_per_s_${kind}`, value: round(pushed / pushSeconds, 0), unit: 'changes/s', note: `${String(pushed)} changes in ${String(OFFLINE_TRANSACTIONS)} transactions, ${pushSeconds.toFixed(1)} s, to a hub that served pushes before${kind === 'postgres' ? '; goal: at least 30,000/s' : ''}` });
    log(`${kind}: pushed ${String(pushed)} changes in ${pushSeconds.toFixed(1)} s`);

    if (full) {
      const catchUp = process.hrtime.bigint();
      await joined.core.sync.syncNow();
      await first.core.sync.syncNow();
      log(`${kind}: both workstations caught up in ${seconds(catchUp).toFixed(1)} s`);

      // The ten-minute comparison falls outside what follows, as it does between two of them.
      await joined.core.sync.compareNow();
      const incremental: number[] = [];
      const checks: number[] = [];
      for (let round_ = 0; round_ < INCREMENTAL_ROUNDS; round_ += 1) {
        const made = makeOfflineChanges(first.core, { ...desk, transactions: INCREMENTAL_TRANSACTIONS, tag: `INC${String(round_)}`, day: `2028-0${String(round_ + 1)}-03`, series: String.fromCharCode(75 + round_) });
        await first.core.sync.syncNow();
        const started = process.hrtime.bigint();
        await joined.core.sync.syncNow();
        incremental.push(Number(process.hrtime.bigint() - started) / 1e6);
        // The check for conflicts follows the pull once the thread is free; measured on its own.
        const checkStarted = process.hrtime.bigint();
        joined.core.sync.checkConflicts();
        checks.push(Number(process.hrtime.bigint() - checkStarted) / 1e6);
        if (round_ === 0) log(`${kind}: ${String(made)} changes per incremental round`);
      }
      figures.push({ name: 'incremental_1000_ms', value: round(percentile(incremental, 0.5), 1), unit: 'ms', note: `median of ${String(INCREMENTAL_ROUNDS)}: about 1,000 changes from another workstation reaching an up-to-date one (${sizeLabel(loaded)} rows), written and on its screens; goal: at most 30 ms` });
      figures.push({ name: 'incremental_conflict_check_ms', value: round(percentile(checks, 0.5), 1), unit: 'ms', note: 'median: the check of those changes for conflicts (double bookings, tokens, duplicate patients), which follows once the thread is free' });

      try {
        const latencies = await propagation(first, joined);
        figures.push({ name: 'propagation_p50_ms', value: round(percentile(latencies, 0.5), 1), unit: 'ms', note: `${String(latencies.length)} changes, workstation to workstation through the ${kind} hub, live pokes` });
        figures.push({ name: 'propagation_p95_ms', value: round(percentile(latencies, 0.95), 1), unit: 'ms', note: 'goal: at most 100 ms' });
      } catch (error) {
        figures.push(...absent(['propagation_p50_ms', 'propagation_p95_ms'], error instanceof Error ? error.message : String(error)));
      }
    }
    return { figures, ceiling };
  } finally {
    for (const ws of open.reverse()) await ws.close();
    await hub.close();
  }
}

function absent(names: readonly string[], reason: string): Figure[] {
  return names.map((name) => ({ name, value: null, unit: '', note: reason }));
}

/** The sync figures; rows is the clinic's size for the first sync (a million unless --sync-rows says fewer). */
export function syncSuite(rows: number, databaseUrl: string | undefined): BenchSuite {
  return {
    title: `Sync (${sizeLabel(rows)} rows)`,
    run: async () => {
      const primary: HubKind = databaseUrl === undefined ? 'pglite' : 'postgres';
      const figures: Figure[] = [];
      let ceiling: ScenarioResult['ceiling'] = null;
      for (const kind of ['pglite', 'postgres'] as const) {
        if (kind === 'postgres' && databaseUrl === undefined) {
          figures.push(...absent(['bootstrap_rows_per_s_postgres', 'bootstrap_seconds_postgres', 'push_changes_per_s_postgres'], 'DATABASE_URL is not set'));
          continue;
        }
        const result = await scenario(kind, rows, kind === primary, ceiling === null, databaseUrl);
        ceiling ??= result.ceiling;
        figures.push(...result.figures);
      }
      if (ceiling !== null) {
        figures.push({ name: 'sqlite_bulk_insert_rows_per_s', value: round(ceiling.rows / ceiling.seconds, 0), unit: 'rows/s', note: `the same ${String(ceiling.rows)} rows into an empty file, one transaction: the first sync's ceiling` });
      }
      const order = ['bootstrap_rows_per_s_pglite', 'bootstrap_seconds_pglite', 'bootstrap_rows_per_s_postgres', 'bootstrap_seconds_postgres', 'sqlite_bulk_insert_rows_per_s', 'push_changes_per_s_pglite', 'push_changes_per_s_postgres'];
      return figures.sort((a, b) => {
        const rank = (figure: Figure): number => (order.includes(figure.name) ? order.indexOf(figure.name) : order.length);
        return rank(a) - rank(b);
      });
    },
  };
}

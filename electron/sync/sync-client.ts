import type Database from 'better-sqlite3';
import type { SyncConflict, SyncStatus } from '#shared/api/calls/sync.ts';
import { clinicIdSchema } from '#shared/domain/ids.ts';
import type { Db } from '../db/database.ts';
import type { DeviceIdentity } from '../device.ts';
import { isoAt, type Clock } from '../platform/clock.ts';
import type { EventBus } from '../platform/events.ts';
import { createLogger, describeError } from '../platform/logger.ts';
import type { AppliedRow } from './apply.ts';
import { readSyncState, SYNC_MODE, type ChangeStamper } from './change-stamps.ts';
import { COMPARE_EVERY_MS, ComparisonTimer } from './comparison-timer.ts';
import { ConflictChecks } from './conflict-checks.ts';
import { FirstSync } from './first-sync.ts';
import { HubIdentityTracker } from './hub-identity.ts';
import { hubBlobsOf, type HubBlobs } from './hub-blobs.ts';
import { HubPokes } from './hub-pokes.ts';
import { runAfterCycle } from './participants.ts';
import { topUpNumberBlocks } from './number-leases.ts';
import { renameProvisionalReferences } from './provisional-renames.ts';
import { listConflicts } from './conflict-views.ts';
import { connectFirstWorkstation, joinClinic } from './enrolment.ts';
import { firstWaitingChanges, numberPendingTransactions, purgeAcked, RETAIN_ACKED_MS, type WaitingChange } from './outbox.ts';
import { PullLoop } from './pull-loop.ts';
import { announcePulledRows, PULLED_CALL } from './pulled-events.ts';
import { PushLoop } from './push-loop.ts';
import { readSyncSettings, writeSetting, type LastCheck, type SyncSettings } from './settings.ts';
import { SyncSchedule } from './sync-schedule.ts';
import { SyncStatusReporter } from './sync-status.ts';
import { HubRefusal, HubUnavailable, type HubTransport } from './transport.ts';

const log = createLogger('sync');

export type SyncDeps = {
  readonly sqlite: Database.Database;
  readonly db: Db;
  readonly identity: DeviceIdentity;
  readonly stamper: ChangeStamper;
  readonly clock: Clock;
  readonly events: EventBus;
  readonly transportFor: (hubUrl: string) => HubTransport;
  /** The workstation's data folder: files beside the database sync through the hub as blobs. */
  readonly dataDir: string;
  /** Jitter for retries; tests pass a seeded one. */
  readonly random?: () => number;
  readonly compareEveryMs?: number;
};

/**
 * The workstation's side of sync, in the main process (SYNC.md): push then pull, on every local
 * change (debounced), on a poke from the hub, and on a timer with backoff and jitter while the
 * hub is unreachable. A person's click never waits for it.
 *
 * This class runs the cycle and wires its parts together, each in its own file: when syncs run
 * (sync-schedule.ts), what the screens are told (sync-status.ts), the hub's pokes (hub-pokes.ts),
 * what each answer says of the hub (hub-identity.ts), the push (push-loop.ts), the pull
 * (pull-loop.ts), the comparison with the hub (comparison-timer.ts), the check of pulled rows for
 * conflicts (conflict-checks.ts) and a joining workstation's first sync (first-sync.ts).
 */
export class SyncClient {
  #running: Promise<void> | null = null;
  #again = false;
  #unsubscribe: (() => void) | null = null;
  readonly #schedule: SyncSchedule;
  readonly #status: SyncStatusReporter;
  readonly #pokes: HubPokes;
  readonly #comparison: ComparisonTimer;
  readonly #conflictChecks: ConflictChecks;
  readonly #push: PushLoop;
  readonly #pull: PullLoop;
  readonly #firstSync: FirstSync;

  constructor(private readonly deps: SyncDeps) {
    const { sqlite, db, identity, stamper, clock, events, transportFor } = deps;
    const pushWaiting = (settings: SyncSettings, transport: HubTransport): Promise<void> => this.#push.run(settings, transport);
    const afterApply = (applied: readonly AppliedRow[]): void => {
      this.#afterApply(applied);
    };
    this.#comparison = new ComparisonTimer({ sqlite, db, stamper, clock, compareEveryMs: deps.compareEveryMs ?? COMPARE_EVERY_MS, pushWaiting, onApplied: afterApply });
    this.#schedule = new SyncSchedule({ sync: () => void this.syncNow(), random: deps.random });
    this.#status = new SyncStatusReporter({ sqlite, db, clock, events, identity });
    this.#pokes = new HubPokes({
      db,
      transportFor,
      syncing: () => this.#schedule.started,
      onPoke: () => {
        this.requestSync(0);
      },
      onConnected: (connected) => {
        this.#status.live = connected;
        if (connected) this.requestSync(0);
        this.#status.emit();
      },
    });
    const hub = new HubIdentityTracker({ sqlite, db, stamper, clock, onRestored: () => this.#comparison.compareSoon() });
    this.#push = new PushLoop({ sqlite, clock, hub });
    this.#pull = new PullLoop({ sqlite, db, identity, stamper, clock, hub, pushWaiting, onApplied: afterApply });
    this.#conflictChecks = new ConflictChecks({
      sqlite,
      db,
      identity,
      stamper,
      clock,
      onFound: () => {
        this.requestSync();
        this.#status.emit();
      },
    });
    this.#firstSync = new FirstSync({
      sqlite,
      db,
      identity,
      stamper,
      clock,
      transportFor,
      onBegin: () => {
        this.#status.state = 'bootstrapping';
      },
      onPage: (progress) => {
        this.#status.bootstrap = progress;
        this.#status.emit();
      },
      onDone: () => {
        this.#status.bootstrap = null;
        this.#pokes.connect();
      },
    });
  }

  settings(): SyncSettings | null {
    return readSyncSettings(this.deps.db);
  }

  status(): SyncStatus {
    return this.#status.status();
  }

  /** Begins background syncing: local changes, pokes and a timer. */
  start(): void {
    if (!this.#schedule.start()) return;
    this.#unsubscribe = this.deps.events.subscribe((event) => {
      // What a pull wrote came from the hub: syncing again for it would only ask for nothing.
      if (event.type === 'data.changed' && event.call !== PULLED_CALL) this.requestSync();
    });
    this.#pokes.connect();
    // Rows a pull marked before the app last stopped or crashed.
    this.#conflictChecks.resumeMarked();
    this.requestSync();
  }

  async stop(): Promise<void> {
    this.#schedule.stop();
    this.#unsubscribe?.();
    this.#pokes.stop();
    await this.#running?.catch(() => undefined);
    if (this.#conflictChecks.turnWaiting) this.#conflictChecks.checkAllSafely();
    this.#status.keepLastSync();
  }

  /** Asks for a sync soon; several requests close together make one. */
  requestSync(delayMs?: number): void {
    this.#schedule.request(delayMs);
  }

  /** Runs one push-and-pull now (or right after the one under way) and reports how it went. */
  async syncNow(): Promise<SyncStatus> {
    if (this.#running !== null) {
      this.#again = true;
      await this.#running;
      return this.status();
    }
    this.#running = (async () => {
      // Another request during a cycle means one more cycle, not a wait for the next timer.
      for (let rounds = 0; rounds < 100; rounds += 1) {
        this.#again = false;
        await this.#cycleSafely();
        if (!this.#againRequested()) break;
      }
    })();
    try {
      await this.#running;
    } finally {
      this.#running = null;
    }
    return this.status();
  }

  #againRequested(): boolean {
    return this.#again;
  }

  async #cycleSafely(): Promise<void> {
    const settings = this.settings();
    if (settings === null) {
      this.#status.state = 'standalone';
      return;
    }
    try {
      await this.#cycle(settings);
      this.#schedule.succeeded();
      this.#status.state = 'online';
      if (settings.lastError !== null) writeSetting(this.deps.db, 'last_error', null);
      this.#status.noteSynced();
      this.#schedule.pollLater();
    } catch (error) {
      this.#schedule.failed();
      if (error instanceof HubUnavailable) {
        this.#status.state = 'offline';
        writeSetting(this.deps.db, 'last_error', error.message);
        this.#schedule.retryWithBackoff();
      } else if (error instanceof HubRefusal) {
        this.#status.state = error.code === 'REENROL_REQUIRED' ? 'reenrol' : 'error';
        writeSetting(this.deps.db, 'last_error', error.message);
        if (error.code !== 'REENROL_REQUIRED') this.#schedule.retryMuchLater();
      } else {
        this.#status.state = 'error';
        log.error('sync failed', describeError(error));
        writeSetting(this.deps.db, 'last_error', 'Sync stopped on an unexpected error on this workstation; it will try again.');
        this.#schedule.retryMuchLater();
      }
    } finally {
      this.#status.emit();
    }
  }

  async #cycle(initial: SyncSettings): Promise<void> {
    if (initial.bootstrapProgress !== null) await this.#firstSync.resume(initial);
    const settings = this.settings() ?? initial;
    const transport = this.deps.transportFor(settings.hubUrl);
    const { sqlite } = this.deps;
    // A conflict the last pull's rows hold goes up with this push.
    this.#conflictChecks.checkAllSafely();
    await this.#topUpNumbers(settings, transport);
    numberPendingTransactions(sqlite);
    await this.#push.run(settings, transport);
    await this.#pull.run(settings, transport);
    if (this.#comparison.due()) await this.#comparison.compare(settings, transport);
    purgeAcked(sqlite, isoAt(this.deps.clock.now() - RETAIN_ACKED_MS));
    // Files go up once the rows naming them did (the push above), so the hub can check them against their rows.
    await runAfterCycle({ sqlite, db: this.deps.db, dataDir: this.deps.dataDir, blobs: hubBlobsOf(transport, settings.credential), nowMs: this.deps.clock.now() });
  }

  /** The hub's files, for a module fetching one now; null while this workstation is not linked to a hub. */
  hubBlobs(): HubBlobs | null {
    const settings = this.settings();
    return settings === null ? null : hubBlobsOf(this.deps.transportFor(settings.hubUrl), settings.credential);
  }

  /** Leases what the workstation's recent use asks for, then renames what it gave out provisionally; the renames go up with this push. */
  async #topUpNumbers(settings: SyncSettings, transport: HubTransport): Promise<void> {
    const { sqlite, db, identity, clock } = this.deps;
    const nowMs = clock.now();
    await topUpNumberBlocks(sqlite, db, transport, settings.credential, { clinicId: clinicIdSchema.parse(settings.clinicId), deviceId: identity.deviceId, nowMs, nowIso: isoAt(nowMs) });
    if (renameProvisionalReferences(db, identity.deviceId, nowMs) > 0) announcePulledRows(sqlite, this.deps.events);
  }

  /** Syncs now and compares with the hub whatever the timer says, once nothing waits to go up. */
  async compareNow(): Promise<LastCheck | null> {
    this.#comparison.compareSoon();
    await this.syncNow();
    return this.settings()?.lastCheck ?? null;
  }

  /** Screens refresh with the rows a pull or a comparison wrote; the check for conflicts follows. */
  #afterApply(applied: readonly AppliedRow[]): void {
    if (applied.length === 0) return;
    announcePulledRows(this.deps.sqlite, this.deps.events);
    this.#conflictChecks.soon();
  }

  /** Checks the rows still marked, all of them, now: the list of conflicts is then complete. */
  checkConflicts(): void {
    this.#conflictChecks.checkAll();
  }

  /** Whether the joining workstation is still loading its clinic. */
  get bootstrapping(): boolean {
    const settings = this.settings();
    return settings !== null && settings.bootstrapProgress !== null;
  }

  /** The connected mode of sync_state: the capture triggers queue every change. */
  get connected(): boolean {
    return readSyncState(this.deps.db).mode === SYNC_MODE.connected;
  }

  restartPokes(): void {
    this.#pokes.connect();
  }

  /** The first workstation of its clinic connects to a hub; all its data then goes up. */
  async connectFirst(request: { hubUrl: string; code: string; clinicId: string; clinicCode: string }): Promise<void> {
    await connectFirstWorkstation(this.deps, this, request);
  }

  /** A new workstation joins a clinic on a hub; its first sync then loads the clinic. */
  async join(request: { hubUrl: string; code: string }): Promise<void> {
    await joinClinic(this.deps, this, request);
  }

  /** A code another workstation joins this one's clinic with, from the hub. */
  async createJoinCode(settings: SyncSettings): Promise<{ code: string; expiresAt: string }> {
    return this.deps.transportFor(settings.hubUrl).createJoinCode(settings.credential);
  }

  /** The oldest changes still waiting to go up, for the screen that lists them. */
  waitingChanges(limit: number): WaitingChange[] {
    return firstWaitingChanges(this.deps.sqlite, limit);
  }

  /** The clinic's conflicts as the screens show them. */
  conflicts(clinicId: string, includeResolved: boolean): SyncConflict[] {
    return listConflicts(this.deps.sqlite, clinicId, includeResolved);
  }
}

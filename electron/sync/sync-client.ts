import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import type { HubIdentity, PullResponse, PushResponse } from '#shared/sync/protocol.ts';
import { isHlc } from '#shared/sync/hlc.ts';
import { latestStamp } from '#shared/sync/merge.ts';
import type { SyncStatus } from '#shared/api/calls/sync.ts';
import type { PulledFromHub } from '#shared/api/events.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { readMeta, writeMeta } from '../db/local-meta.ts';
import type { DeviceIdentity } from '../device.ts';
import { isoAt, type Clock } from '../platform/clock.ts';
import type { EventBus } from '../platform/events.ts';
import { createLogger, describeError } from '../platform/logger.ts';
import { rebuildAfterBulkLoad, restoreTriggers, setTriggersAside } from './bulk-triggers.ts';
import { applyFeedPage, applySnapshotPage, inPageTransaction, parkedCount, type AppliedRow } from './apply.ts';
import { readSyncState, SYNC_MODE, type ChangeStamper } from './change-stamps.ts';
import { checkMarkedRows, conflictChecksWaiting, markForConflictCheck, type DetectedConflict } from './conflicts.ts';
import { queueOwnRows } from './initial-upload.ts';
import { uploadOrderOf } from './upload-order.ts';
import { compareWithHub } from './mend.ts';
import { withoutWaitingForDisk } from '../db/pragmas.ts';
import { statement } from '../db/statements.ts';
import { topUpNumberBlocks } from './number-leases.ts';
import { countPending, highestAcked, numberPendingTransactions, pendingTransactions, purgeAcked, recordPushResponse, reopenAfter, RETAIN_ACKED_MS, type OutgoingTx } from './outbox.ts';
import { readSyncSettings, UnreadableSetting, writeSetting, type BootstrapProgress, type LastCheck, type SyncSettings } from './settings.ts';
import { HubRefusal, HubUnavailable, type HubTransport } from './transport.ts';

const log = createLogger('sync');

export const PUSH_MAX_OPS = 2_000;
export const PULL_PAGE = 2_000;
export const SNAPSHOT_PAGE = 10_000;
const DEBOUNCE_MS = 30;
const POLL_MS = 30_000;
/** The call named in the events of what a pull wrote. */
const PULLED_CALL: PulledFromHub = 'sync.pull';
/** Rows checked for conflicts in one turn of the thread: a catch-up's thousands do not hold the screens at once. */
const CONFLICT_CHECK_ROWS_PER_TURN = 500;
const BACKOFF_MIN_MS = 1_000;
const BACKOFF_MAX_MS = 60_000;
const REFUSED_RETRY_MS = 5 * 60_000;
/**
 * A successful sync's time goes to disk at most this often, and when sync stops: writing it on
 * every sync would flush the disk each time. Between writes the newest is known here; after a
 * crash the screen shows one up to this much older, until the sync that follows start-up.
 */
const LAST_SYNC_KEPT_EVERY_MS = 60_000;
/** How often a workstation compares its data with the hub's when nothing else asks it to. */
export const COMPARE_EVERY_MS = 10 * 60_000;

export type SyncDeps = {
  readonly sqlite: Database.Database;
  readonly db: Db;
  readonly identity: DeviceIdentity;
  readonly stamper: ChangeStamper;
  readonly clock: Clock;
  readonly events: EventBus;
  readonly transportFor: (hubUrl: string) => HubTransport;
  /** Jitter for retries; tests pass a seeded one. */
  readonly random?: () => number;
  readonly compareEveryMs?: number;
};

/** A request sent ahead: a failure is seen when its answer is awaited, not as an unhandled rejection meanwhile. */
function sentAhead<T>(answer: Promise<T>): Promise<T> {
  answer.catch(() => undefined);
  return answer;
}

/** Waits for a request sent ahead whose answer is no longer wanted (the hub recognises its batch when it comes again). */
async function settled(sent: { answer: Promise<unknown> } | null): Promise<null> {
  await sent?.answer.catch(() => undefined);
  return null;
}

/** Compares "txid:id" feed positions; a null position is the beginning. */
export function cursorAfter(a: string | null, b: string | null): boolean {
  const parse = (text: string | null): [bigint, bigint] => {
    const [txid = '0', id = '0'] = (text ?? '0:0').split(':');
    return [BigInt(txid), BigInt(id)];
  };
  const [at, ai] = parse(a);
  const [bt, bi] = parse(b);
  return at > bt || (at === bt && ai > bi);
}

/**
 * The workstation's side of sync, in the main process (SYNC.md): push then pull, on every local
 * change (debounced), on a poke from the hub, and on a timer with backoff and jitter while the
 * hub is unreachable. A person's click never waits for it.
 */
export class SyncClient {
  #running: Promise<void> | null = null;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #debounce: ReturnType<typeof setTimeout> | null = null;
  #stopPokes: (() => void) | null = null;
  #unsubscribe: (() => void) | null = null;
  #failures = 0;
  #started = false;
  #state: SyncStatus['state'] = 'standalone';
  #live = false;
  #bootstrap: { done: number; total: number } | null = null;
  /** Set when the hub went back in time: compare with it once everything has gone up again. */
  #compareSoon = false;
  #nextCompareAt: number;
  /** The last successful sync when it is newer than the one on disk. */
  #lastSyncAt: string | null = null;
  #lastSyncKeptAt = Number.NEGATIVE_INFINITY;
  /** The next turn of the conflict check, when rows wait for it. */
  #conflictTurn: NodeJS.Immediate | null = null;

  constructor(private readonly deps: SyncDeps) {
    this.#nextCompareAt = deps.clock.now() + (deps.compareEveryMs ?? COMPARE_EVERY_MS);
  }

  settings(): SyncSettings | null {
    return readSyncSettings(this.deps.db);
  }

  status(): SyncStatus {
    const settings = this.settings();
    const pending = countPending(this.deps.sqlite);
    const openConflicts = statement(this.deps.sqlite, `select count(*) from sync_conflicts where resolved_at is null and deleted_at is null`).pluck().get() as number;
    const rejections = statement(this.deps.sqlite, `select count(*) from sync_rejections where dismissed_at is null`).pluck().get() as number;
    return {
      state: settings === null ? 'standalone' : this.#state === 'standalone' ? 'connecting' : this.#state,
      hubUrl: settings?.hubUrl ?? null,
      pendingChanges: pending.changes,
      lastSyncAt: this.#lastSyncAt ?? settings?.lastSyncAt ?? null,
      lastError: settings?.lastError ?? null,
      openConflicts,
      rejections,
      live: this.#live,
      bootstrap: this.#bootstrap,
      lastCheck: settings?.lastCheck ?? null,
    };
  }

  #emit(): void {
    this.deps.events.publish({ type: 'sync.status', status: this.status() }, { clinicId: null });
  }

  /** Begins background syncing: local changes, pokes and a timer. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#unsubscribe = this.deps.events.subscribe((event) => {
      // What a pull wrote came from the hub: syncing again for it would only ask for nothing.
      if (event.type === 'data.changed' && event.call !== PULLED_CALL) this.requestSync();
    });
    this.#connectPokes();
    // Rows a pull marked before the app last stopped or crashed.
    if (conflictChecksWaiting(this.deps.sqlite)) this.#checkConflictsSoon();
    this.requestSync();
  }

  async stop(): Promise<void> {
    this.#started = false;
    this.#unsubscribe?.();
    this.#stopPokes?.();
    if (this.#timer !== null) clearTimeout(this.#timer);
    if (this.#debounce !== null) clearTimeout(this.#debounce);
    await this.#running?.catch(() => undefined);
    if (this.#conflictTurn !== null) this.#checkConflictsSafely();
    this.#keepLastSync();
  }

  #keepLastSync(): void {
    if (this.#lastSyncAt === null) return;
    writeSetting(this.deps.db, 'last_sync_at', this.#lastSyncAt);
    this.#lastSyncAt = null;
    this.#lastSyncKeptAt = this.deps.clock.now();
  }

  #connectPokes(): void {
    this.#stopPokes?.();
    this.#stopPokes = null;
    const settings = this.settings();
    if (!this.#started || settings === null || settings.bootstrapProgress !== null) return;
    this.#stopPokes = this.deps.transportFor(settings.hubUrl).subscribe(
      settings.credential,
      () => this.requestSync(0),
      (connected) => {
        // A connection closing as the workstation shuts down has no one left to tell.
        if (!this.#started) return;
        this.#live = connected;
        if (connected) this.requestSync(0);
        this.#emit();
      },
    );
  }

  /** Asks for a sync soon; several requests close together make one. */
  requestSync(delayMs = DEBOUNCE_MS): void {
    if (!this.#started) return;
    if (this.#debounce !== null) clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => {
      this.#debounce = null;
      void this.syncNow();
    }, delayMs);
  }

  #schedule(delayMs: number): void {
    if (!this.#started) return;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.syncNow();
    }, delayMs);
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
      this.#state = 'standalone';
      return;
    }
    try {
      await this.#cycle(settings);
      this.#failures = 0;
      this.#state = 'online';
      if (settings.lastError !== null) writeSetting(this.deps.db, 'last_error', null);
      this.#lastSyncAt = isoAt(this.deps.clock.now());
      if (this.deps.clock.now() - this.#lastSyncKeptAt >= LAST_SYNC_KEPT_EVERY_MS) this.#keepLastSync();
      this.#schedule(POLL_MS);
    } catch (error) {
      this.#failures += 1;
      if (error instanceof HubUnavailable) {
        this.#state = 'offline';
        writeSetting(this.deps.db, 'last_error', error.message);
        // Exponential backoff with jitter, so workstations coming back together do not all retry at once.
        const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.min(this.#failures - 1, 10));
        this.#schedule(base / 2 + (this.deps.random ?? Math.random)() * (base / 2));
      } else if (error instanceof HubRefusal) {
        this.#state = error.code === 'REENROL_REQUIRED' ? 'reenrol' : 'error';
        writeSetting(this.deps.db, 'last_error', error.message);
        if (error.code !== 'REENROL_REQUIRED') this.#schedule(REFUSED_RETRY_MS);
      } else {
        this.#state = 'error';
        log.error('sync failed', describeError(error));
        writeSetting(this.deps.db, 'last_error', 'Sync stopped on an unexpected error on this workstation; it will try again.');
        this.#schedule(REFUSED_RETRY_MS);
      }
    } finally {
      this.#emit();
    }
  }

  /**
   * Checks each answer's hub identity and learns its clock. A hub restored from an older backup
   * (a new epoch, or a database position behind one seen before) has lost some changes: this
   * workstation sends again what the hub no longer holds and reads the whole feed again, which
   * merges to the same data, rather than trust a position the hub has forgotten.
   */
  #observe(hub: HubIdentity, appliedThrough: number | null): boolean {
    const settings = this.settings();
    if (settings === null) return false;
    if (settings.hubId !== '' && hub.hubId !== settings.hubId) {
      throw new HubRefusal('CONFLICT', 'The hub at this address is not the one this workstation was enrolled with. Check the hub address, or enrol this workstation again.', 409);
    }
    this.deps.stamper.setOffset(hub.hubTime - this.deps.clock.now());
    const wentBack = hub.position !== undefined && settings.position !== null && BigInt(hub.position) < BigInt(settings.position);
    const restored = hub.epoch > settings.epoch || wentBack;
    const epoch = hub.epoch !== settings.epoch ? String(hub.epoch) : null;
    const position = hub.position !== undefined && (settings.position === null || restored || BigInt(hub.position) > BigInt(settings.position)) ? hub.position : null;
    if (epoch !== null || position !== null) {
      // Kept on nearly every answer, so without waiting for the disk (see withoutWaitingForDisk):
      // a power cut loses only the newest commits, so anything kept after these keeps them too,
      // and when they are lost, so is everything this workstation had from the hub since.
      withoutWaitingForDisk(this.deps.sqlite, () => {
        this.deps.sqlite.transaction(() => {
          if (epoch !== null) writeSetting(this.deps.db, 'hub_epoch', epoch);
          if (position !== null) writeSetting(this.deps.db, 'hub_position', position);
        })();
      });
    }
    if (!restored) return false;
    log.warn('the hub was restored from an older backup; sending lost changes again and reading its feed anew', { epoch: hub.epoch, wentBack });
    this.#compareSoon = true;
    writeSetting(this.deps.db, 'sync_cursor', null);
    if (appliedThrough !== null) this.#noteHubProgress(this.#ackedThrough(), appliedThrough);
    return true;
  }

  async #cycle(initial: SyncSettings): Promise<void> {
    if (initial.bootstrapProgress !== null) await this.#resumeBootstrap(initial);
    const settings = this.settings() ?? initial;
    const transport = this.deps.transportFor(settings.hubUrl);
    const { sqlite } = this.deps;
    // A conflict the last pull's rows hold goes up with this push.
    this.#checkConflictsSafely();
    numberPendingTransactions(sqlite);
    await topUpNumberBlocks(sqlite, transport, settings.credential, settings.clinicId, this.deps.identity.deviceId, isoAt(this.deps.clock.now()));
    await this.#push(settings, transport);
    await this.#pull(settings, transport);
    if (this.#compareDue()) await this.#compare(settings, transport);
    purgeAcked(sqlite, isoAt(this.deps.clock.now() - RETAIN_ACKED_MS));
  }

  /**
   * Sends the waiting transactions batch after batch. While the hub applies one batch the next is
   * already on its way, so this workstation reads its outbox and the hub parses a batch while the
   * hub's database writes the one before. The answers are read in order; an answer to the batch
   * ahead that the hub gave before applying the one before it (it found a gap and changed nothing)
   * is passed over, and the batch goes again.
   */
  async #push(settings: SyncSettings, transport: HubTransport): Promise<void> {
    const { sqlite } = this.deps;
    type Sent = { txs: OutgoingTx[]; answer: Promise<PushResponse> };
    const send = (txs: OutgoingTx[], gapAccepted: boolean): Sent => {
      return { txs, answer: sentAhead(transport.push(settings.credential, gapAccepted ? { txs, gapAccepted } : { txs })) };
    };
    let gapAccepted = false;
    let ahead: Sent | null = null;
    let answeredThrough = -1;
    /** The batch sent ahead went too soon: wait it out, and go on one batch at a time. */
    const oneAtATime = async (): Promise<void> => {
      ahead = await settled(ahead);
      answeredThrough = -1;
    };
    for (let round = 0; round < 10_000; round += 1) {
      let current: Sent | null = ahead;
      ahead = null;
      if (current === null) {
        const txs = pendingTransactions(sqlite, PUSH_MAX_OPS);
        if (txs.length === 0) return;
        current = send(txs, gapAccepted);
      }
      const first = current.txs[0]?.seq ?? 0;
      const last = current.txs[current.txs.length - 1]?.seq ?? 0;
      if (!gapAccepted) {
        const next = pendingTransactions(sqlite, PUSH_MAX_OPS, last);
        if (next.length > 0) {
          ahead = send(next, false);
          // Let the request leave before this thread is busy again.
          await nextTurn();
        }
      }
      const response = await current.answer;
      if (response.appliedThrough < answeredThrough) {
        // Answered before the batch in front of it was applied: nothing changed at the hub. The
        // batch after it found the same gap; both go again, one at a time.
        await oneAtATime();
        continue;
      }
      answeredThrough = response.appliedThrough;
      if (this.#observe(response, response.appliedThrough)) {
        await oneAtATime();
        continue;
      }
      const ackedBefore = this.#ackedThrough();
      recordPushResponse(sqlite, current.txs, response, isoAt(this.deps.clock.now()));
      this.#noteHubProgress(ackedBefore, response.appliedThrough);
      // The hub waits for transactions before these; when even the reopened outbox starts no
      // earlier, they are gone from here too (kept only RETAIN_ACKED_MS), and the hub is told so.
      gapAccepted = response.appliedThrough < first - 1 && (pendingTransactions(sqlite, 1)[0]?.seq ?? first) >= first;
      if (gapAccepted) log.warn('the hub lost changes this workstation no longer keeps; going on without them', { appliedThrough: response.appliedThrough, first });
      if (response.appliedThrough < last || gapAccepted) {
        // Not all of this batch went in: the one ahead was sent too soon.
        await oneAtATime();
      }
    }
  }

  /** A hub that no longer holds the change at this workstation's position was restored from an older backup. */
  #forgotten(response: PullResponse): boolean {
    if (response.cursorUnknown !== true) return false;
    log.warn('the hub no longer knows this workstation\'s feed position; sending lost changes again and reading its feed anew', {});
    this.#compareSoon = true;
    writeSetting(this.deps.db, 'sync_cursor', null);
    this.#noteHubProgress(this.#ackedThrough(), response.appliedThrough);
    return true;
  }

  #ackedThrough(): number {
    // The hub's last answer, kept on every answer; before the first one, the highest acknowledgement mark.
    const stored = readMeta(this.deps.sqlite, 'acked_through');
    return stored === undefined ? highestAcked(this.deps.sqlite) : Number(stored);
  }

  /** Remembers how far the hub acknowledged; a hub that forgot some gets them again. */
  #noteHubProgress(ackedBefore: number, appliedThrough: number): void {
    const { sqlite } = this.deps;
    if (appliedThrough < ackedBefore) {
      const reopened = reopenAfter(sqlite, appliedThrough);
      log.warn('the hub lost acknowledged changes; sending them again', { appliedThrough, ackedBefore, reopened });
    }
    writeMeta(sqlite, 'acked_through', String(appliedThrough));
  }

  async #pull(settings: SyncSettings, transport: HubTransport): Promise<void> {
    const { sqlite, db } = this.deps;
    // Read afresh: the push just before may have found a restored hub and reset the position.
    let cursor = this.settings()?.cursor ?? null;
    type AskedPage = { from: string | null; answer: Promise<PullResponse> };
    const fetchPage = (from: string | null): AskedPage => ({ from, answer: sentAhead(transport.pull(settings.credential, { cursor: from, limit: PULL_PAGE })) });
    let coming: AskedPage | null = null;
    for (let page = 0; page < 100_000; page += 1) {
      // The page asked for ahead is used only if it starts where this workstation now stands.
      const asked = coming !== null && coming.from === cursor ? coming : fetchPage(cursor);
      coming = null;
      const response = await asked.answer;
      if (this.#observe(response, response.appliedThrough) || this.#forgotten(response)) {
        cursor = null;
        numberPendingTransactions(sqlite);
        await this.#push(settings, transport);
        continue;
      }
      const ackedBefore = this.#ackedThrough();
      if (response.appliedThrough < ackedBefore) {
        this.#noteHubProgress(ackedBefore, response.appliedThrough);
        numberPendingTransactions(sqlite);
        await this.#push(settings, transport);
      }
      if (cursorAfter(cursor, response.head)) {
        // A feed behind this workstation's position: the hub went back in time; read it anew.
        log.warn('the hub feed is behind this workstation; reading it anew', {});
        cursor = null;
        writeSetting(db, 'sync_cursor', cursor);
        continue;
      }
      // Nothing new and the position unchanged: the usual answer, and nothing to write.
      if (response.changes.length === 0 && response.cursor === cursor && !response.more) return;
      if (response.more) {
        // The next page is on its way while this one is written, as in a first sync: the hub
        // reads it meanwhile instead of waiting for the next request. Let the request leave first.
        coming = fetchPage(response.cursor);
        await nextTurn();
      }
      let applied: AppliedRow[] = [];
      withoutWaitingForDisk(sqlite, () => {
        inPageTransaction(sqlite, isoAt(this.deps.clock.now()), (mode) => {
          applied = applyFeedPage(sqlite, response.changes, this.deps.identity.deviceId, mode);
          markForConflictCheck(sqlite, applied);
          this.#observeLatest(response.changes.flatMap((change) => (change.clock === null ? [change.hlc] : [change.hlc, latestStamp(change.clock)])));
          this.#persistClock();
          writeSetting(db, 'sync_cursor', response.cursor);
        });
      });
      cursor = response.cursor;
      this.#afterApply(applied);
      if (!response.more) return;
    }
  }

  /**
   * A comparison is due on a timer (counted from start-up, so opening the app costs nothing) or
   * after a restored hub, and only with nothing waiting to go up, which would differ anyway.
   */
  #compareDue(): boolean {
    if (!this.#compareSoon && this.deps.clock.now() < this.#nextCompareAt) return false;
    return countPending(this.deps.sqlite).changes === 0;
  }

  /**
   * Compares this workstation's data with the hub's (SYNC.md §10) and sets right what differs:
   * rows read again from the hub are merged here, and what the hub lacks goes up at once.
   */
  async #compare(settings: SyncSettings, transport: HubTransport): Promise<void> {
    const { sqlite, db } = this.deps;
    const { comparison, mended } = await compareWithHub(sqlite, this.deps.stamper, transport, settings, isoAt(this.deps.clock.now()));
    this.#compareSoon = false;
    this.#nextCompareAt = this.deps.clock.now() + (this.deps.compareEveryMs ?? COMPARE_EVERY_MS);
    writeSetting(db, 'last_check', JSON.stringify({ at: isoAt(this.deps.clock.now()), equal: comparison.equal, rowsMended: comparison.rowsMended, rowsResent: comparison.rowsResent }));
    this.#afterApply(mended);
    if (comparison.rowsResent > 0) {
      numberPendingTransactions(sqlite);
      await this.#push(settings, transport);
    }
  }

  /** Syncs now and compares with the hub whatever the timer says, once nothing waits to go up. */
  async compareNow(): Promise<LastCheck | null> {
    this.#compareSoon = true;
    await this.syncNow();
    return this.settings()?.lastCheck ?? null;
  }

  /**
   * Every stamp seen moves this clock past it, so the next local change is later than all of them.
   * Stamps order as their text does, so the clock need only see the latest valid one: a first
   * sync's page holds thousands of rows, each with a stamp per column (parsing them all took about
   * 0.25 s of a million-row first sync).
   */
  #observeLatest(stamps: readonly string[]): void {
    let latest = '';
    for (const stamp of stamps) if (stamp > latest && isHlc(stamp)) latest = stamp;
    if (latest !== '') this.deps.stamper.clock.observe(latest);
  }

  /** Keeps the observed clock across a restart, even when no local change has been stamped since. */
  #persistClock(): void {
    this.deps.sqlite.prepare(`update sync_state set hlc = max(hlc, ?) where id = 1`).run(this.deps.stamper.clock.last);
  }

  /** Screens refresh with the rows a pull or a comparison wrote; the check for conflicts follows. */
  #afterApply(applied: readonly AppliedRow[]): void {
    if (applied.length === 0) return;
    const clinics = new Set<string | null>([null]);
    for (const clinic of this.deps.sqlite.prepare(`select id from clinics`).pluck().all() as string[]) clinics.add(clinic);
    for (const clinicId of clinics) this.deps.events.publish({ type: 'data.changed', call: PULLED_CALL, clinicId }, { clinicId });
    this.#checkConflictsSoon();
  }

  /**
   * The check runs in turns once the thread is free: a pull answers as soon as its rows are
   * written, and a catch-up's thousands of rows to check do not hold the screens in one go.
   */
  #checkConflictsSoon(): void {
    if (this.#conflictTurn !== null) return;
    this.#conflictTurn = setImmediate(() => {
      this.#conflictTurn = null;
      try {
        if (this.#checkConflictTurn()) this.#checkConflictsSoon();
      } catch (error) {
        log.error('the check for conflicts failed; the rows stay marked for the next sync', describeError(error));
      }
    });
  }

  /** A check that fails leaves its rows marked and must not stop the sync: it is tried again at the next. */
  #checkConflictsSafely(): void {
    try {
      this.checkConflicts();
    } catch (error) {
      log.error('the check for conflicts failed; the rows stay marked for the next sync', describeError(error));
    }
  }

  /** Checks the rows still marked, all of them, now: the list of conflicts is then complete. */
  checkConflicts(): void {
    if (this.#conflictTurn !== null) {
      clearImmediate(this.#conflictTurn);
      this.#conflictTurn = null;
    }
    if (!conflictChecksWaiting(this.deps.sqlite)) return;
    while (this.#checkConflictTurn()) {
      // Turn after turn until no row is left marked.
    }
  }

  /** One turn: records what it found and takes the marks off in one transaction. Whether rows remain. */
  #checkConflictTurn(): boolean {
    const { sqlite, db } = this.deps;
    let found: { conflicts: DetectedConflict[]; more: boolean } = { conflicts: [], more: false };
    sqlite.transaction(() => {
      found = checkMarkedRows(sqlite, db, CONFLICT_CHECK_ROWS_PER_TURN);
      this.#recordConflicts(found.conflicts);
    })();
    if (found.conflicts.length > 0) {
      // Recorded here, they go up for the other desks to show.
      this.requestSync();
      this.#emit();
    }
    return found.more;
  }

  #recordConflicts(conflicts: readonly DetectedConflict[]): void {
    if (conflicts.length === 0) return;
    const { sqlite, db } = this.deps;
    const now = isoAt(this.deps.clock.now());
    this.deps.stamper.begin(db);
    const insert = sqlite.prepare(`insert into sync_conflicts (id, clinic_id, kind, row_ids, detected_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing`);
    for (const item of conflicts) {
      insert.run(item.id, item.clinicId, item.kind, JSON.stringify(item.rowIds), now, now, now);
      recordAudit(db, { atMs: this.deps.clock.now(), deviceId: this.deps.identity.deviceId, userId: null, clinicId: item.clinicId, action: 'sync.conflictDetected', outcome: 'SUCCESS', entityType: 'sync_conflict', entityId: item.id, detail: { kind: item.kind } });
    }
  }

  /** Loads a joining workstation's clinic page by page, resuming where a restart left it. */
  async #resumeBootstrap(settings: SyncSettings): Promise<void> {
    const { sqlite, db } = this.deps;
    const transport = this.deps.transportFor(settings.hubUrl);
    if (settings.bootstrapProgress === null) return;
    if (settings.bootstrapProgress instanceof UnreadableSetting) throw settings.bootstrapProgress;
    const order = uploadOrderOf(sqlite);
    // A first sync an older version began started over: its pages merge again as they did.
    let progress: BootstrapProgress = typeof settings.bootstrapProgress.table === 'number' ? { ...settings.bootstrapProgress, table: order[0] ?? null, after: null, done: 0 } : settings.bootstrapProgress;
    this.#state = 'bootstrapping';
    setTriggersAside(sqlite);
    const tableAfter = (table: string): string | null => order[order.indexOf(table) + 1] ?? null;
    type Position = { table: BootstrapProgress['table']; after: string | null };
    const fetchPage = (position: Position) => {
      const table = position.table;
      if (typeof table !== 'string') return null;
      return { table, request: sentAhead(transport.snapshotPage(settings.credential, { table, after: position.after, limit: SNAPSHOT_PAGE })) };
    };
    // The next page is on its way while this one is written: the hub and the network work
    // while this workstation writes, instead of each waiting for the other.
    let coming = fetchPage(progress);
    while (coming !== null) {
      const { table, request } = coming;
      const page = await request;
      coming = fetchPage(page.next === null ? { table: tableAfter(table), after: null } : { table, after: page.next });
      // Writing the page holds the thread; let the request for the next one leave first, or the
      // hub would only hear of it once this page is written and the two would take turns.
      await nextTurn();
      const next: BootstrapProgress = page.next === null ? { ...progress, table: tableAfter(table), after: null, done: progress.done + page.rows.length } : { ...progress, after: page.next, done: progress.done + page.rows.length };
      withoutWaitingForDisk(sqlite, () => {
        inPageTransaction(sqlite, isoAt(this.deps.clock.now()), (mode) => {
          applySnapshotPage(sqlite, table, page, mode);
          this.#observeLatest(page.clocks.map(latestStamp));
          this.#persistClock();
          writeSetting(db, 'bootstrap_progress', JSON.stringify(next));
        });
      });
      progress = next;
      this.#bootstrap = { done: progress.done, total: Math.max(progress.total, progress.done) };
      this.#emit();
    }
    sqlite.transaction(() => {
      restoreTriggers(sqlite);
      rebuildAfterBulkLoad(sqlite);
      writeSetting(db, 'sync_cursor', progress.cursor);
      writeSetting(db, 'bootstrap_progress', null);
      queueOwnRows(sqlite, this.deps.stamper, this.deps.identity.deviceId);
      sqlite.prepare(`update sync_state set mode = ? where id = 1`).run(SYNC_MODE.connected);
    })();
    // Every page's commit checked its rows' parents (foreign keys deferred to commit), and a row
    // whose parent was not sent waits aside instead; counting those costs nothing, where checking
    // every row's parents again took 0.7-1 s at a million rows.
    const waiting = parkedCount(sqlite);
    if (waiting > 0) log.warn('first sync left rows waiting for their parents or the rest of their columns', { count: waiting });
    this.#bootstrap = null;
    this.#connectPokes();
  }

  /** Whether the joining workstation is still loading its clinic. */
  get bootstrapping(): boolean {
    return this.settings()?.bootstrapProgress !== null && this.settings() !== null;
  }

  /** The connected mode of sync_state: the capture triggers queue every change. */
  get connected(): boolean {
    return readSyncState(this.deps.db).mode === SYNC_MODE.connected;
  }

  restartPokes(): void {
    this.#connectPokes();
  }
}

import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { latestStamp } from '#shared/sync/merge.ts';
import type { Db } from '../db/database.ts';
import { withoutWaitingForDisk } from '../db/pragmas.ts';
import type { DeviceIdentity } from '../device.ts';
import { isoAt, type Clock } from '../platform/clock.ts';
import { createLogger } from '../platform/logger.ts';
import { applySnapshotPage, inPageTransaction, parkedCount } from './apply.ts';
import { rebuildAfterBulkLoad, restoreTriggers, setTriggersAside } from './bulk-triggers.ts';
import { SYNC_MODE, type ChangeStamper } from './change-stamps.ts';
import { queueOwnRows } from './initial-upload.ts';
import { keepObservedClock, observeLatestStamp } from './observed-clock.ts';
import { sentAhead } from './sent-ahead.ts';
import { UnreadableSetting, writeSetting, type BootstrapProgress, type SyncSettings } from './settings.ts';
import type { HubTransport } from './transport.ts';
import { uploadOrderOf } from './upload-order.ts';

const log = createLogger('sync');

export const SNAPSHOT_PAGE = 10_000;

export type FirstSyncDeps = {
  readonly sqlite: Database.Database;
  readonly db: Db;
  /** Read when the first sync ends: enrolling again gives this workstation a new device id. */
  readonly identity: DeviceIdentity;
  readonly stamper: ChangeStamper;
  readonly clock: Clock;
  readonly transportFor: (hubUrl: string) => HubTransport;
  /** The first sync is under way (again, after a restart). */
  readonly onBegin: () => void;
  /** Rows done of rows to load, after each page. */
  readonly onPage: (progress: { done: number; total: number }) => void;
  /** The clinic is loaded. */
  readonly onDone: () => void;
};

/** A joining workstation's first sync: its clinic's history, page by page (SYNC.md §8). */
export class FirstSync {
  constructor(private readonly deps: FirstSyncDeps) {}

  /** Loads a joining workstation's clinic page by page, resuming where a restart left it. */
  async resume(settings: SyncSettings): Promise<void> {
    const { sqlite, db } = this.deps;
    const transport = this.deps.transportFor(settings.hubUrl);
    if (settings.bootstrapProgress === null) return;
    if (settings.bootstrapProgress instanceof UnreadableSetting) throw settings.bootstrapProgress;
    const order = uploadOrderOf(sqlite);
    // A first sync an older version began started over: its pages merge again as they did.
    let progress: BootstrapProgress = typeof settings.bootstrapProgress.table === 'number' ? { ...settings.bootstrapProgress, table: order[0] ?? null, after: null, done: 0 } : settings.bootstrapProgress;
    this.deps.onBegin();
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
          observeLatestStamp(this.deps.stamper, page.clocks.map(latestStamp));
          keepObservedClock(sqlite, this.deps.stamper);
          writeSetting(db, 'bootstrap_progress', JSON.stringify(next));
        });
      });
      progress = next;
      this.deps.onPage({ done: progress.done, total: Math.max(progress.total, progress.done) });
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
    this.deps.onDone();
  }
}

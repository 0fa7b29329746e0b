import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import type { DeviceIdentity } from '../device.ts';
import { isoAt, type Clock } from '../platform/clock.ts';
import { createLogger, describeError } from '../platform/logger.ts';
import type { ChangeStamper } from './change-stamps.ts';
import { checkMarkedRows, conflictChecksWaiting, type DetectedConflict } from './conflicts.ts';

const log = createLogger('sync');

/** Rows checked for conflicts in one turn of the thread: a catch-up's thousands do not hold the screens at once. */
const CONFLICT_CHECK_ROWS_PER_TURN = 500;

export type ConflictChecksDeps = {
  readonly sqlite: Database.Database;
  readonly db: Db;
  /** Read at each record: enrolling again gives this workstation a new device id. */
  readonly identity: DeviceIdentity;
  readonly stamper: ChangeStamper;
  readonly clock: Clock;
  /** Conflicts were recorded: they go up, and the screens count them. */
  readonly onFound: () => void;
};

/**
 * When the rows a pull marked are checked for conflicts, and the recording of what the check
 * finds (what counts as a conflict is conflicts.ts's, and the modules').
 */
export class ConflictChecks {
  /** The next turn of the conflict check, when rows wait for it. */
  #turn: NodeJS.Immediate | null = null;

  constructor(private readonly deps: ConflictChecksDeps) {}

  /** Whether a turn waits for the thread to be free. */
  get turnWaiting(): boolean {
    return this.#turn !== null;
  }

  /** Checks soon the rows still marked, if any. */
  resumeMarked(): void {
    if (conflictChecksWaiting(this.deps.sqlite)) this.soon();
  }

  /**
   * The check runs in turns once the thread is free: a pull answers as soon as its rows are
   * written, and a catch-up's thousands of rows to check do not hold the screens in one go.
   */
  soon(): void {
    if (this.#turn !== null) return;
    this.#turn = setImmediate(() => {
      this.#turn = null;
      try {
        if (this.#checkTurn()) this.soon();
      } catch (error) {
        log.error('the check for conflicts failed; the rows stay marked for the next sync', describeError(error));
      }
    });
  }

  /** A check that fails leaves its rows marked and must not stop the sync: it is tried again at the next. */
  checkAllSafely(): void {
    try {
      this.checkAll();
    } catch (error) {
      log.error('the check for conflicts failed; the rows stay marked for the next sync', describeError(error));
    }
  }

  /** Checks the rows still marked, all of them, now: the list of conflicts is then complete. */
  checkAll(): void {
    if (this.#turn !== null) {
      clearImmediate(this.#turn);
      this.#turn = null;
    }
    if (!conflictChecksWaiting(this.deps.sqlite)) return;
    while (this.#checkTurn()) {
      // Turn after turn until no row is left marked.
    }
  }

  /** One turn: records what it found and takes the marks off in one transaction. Whether rows remain. */
  #checkTurn(): boolean {
    const { sqlite, db } = this.deps;
    let found: { conflicts: DetectedConflict[]; more: boolean } = { conflicts: [], more: false };
    sqlite.transaction(() => {
      found = checkMarkedRows(sqlite, db, CONFLICT_CHECK_ROWS_PER_TURN);
      this.#record(found.conflicts);
    })();
    if (found.conflicts.length > 0) {
      // Recorded here, they go up for the other desks to show.
      this.deps.onFound();
    }
    return found.more;
  }

  #record(conflicts: readonly DetectedConflict[]): void {
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
}

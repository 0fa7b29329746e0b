import type Database from 'better-sqlite3';
import type { HubIdentity, PullResponse } from '#shared/sync/protocol.ts';
import type { Db } from '../db/database.ts';
import { readMeta, writeMeta } from '../db/local-meta.ts';
import { withoutWaitingForDisk } from '../db/pragmas.ts';
import type { Clock } from '../platform/clock.ts';
import { createLogger } from '../platform/logger.ts';
import type { ChangeStamper } from './change-stamps.ts';
import { highestAcked, reopenAfter } from './outbox.ts';
import { readSyncSettings, writeSetting } from './settings.ts';
import { HubRefusal } from './transport.ts';

const log = createLogger('sync');

export type HubIdentityDeps = {
  readonly sqlite: Database.Database;
  readonly db: Db;
  readonly stamper: ChangeStamper;
  readonly clock: Clock;
  /** The hub was restored from an older backup: compare with it once everything has gone up again. */
  readonly onRestored: () => void;
};

/**
 * What each of the hub's answers says of the hub: that it is the one this workstation enrolled
 * with, its clock, its epoch and database position, and how far it has applied this
 * workstation's changes; and from these, whether it was restored from an older backup.
 */
export class HubIdentityTracker {
  constructor(private readonly deps: HubIdentityDeps) {}

  /**
   * Checks each answer's hub identity and learns its clock. A hub restored from an older backup
   * (a new epoch, or a database position behind one seen before) has lost some changes: this
   * workstation sends again what the hub no longer holds and reads the whole feed again, which
   * merges to the same data, rather than trust a position the hub has forgotten.
   */
  observe(hub: HubIdentity, appliedThrough: number | null): boolean {
    const settings = readSyncSettings(this.deps.db);
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
    this.deps.onRestored();
    writeSetting(this.deps.db, 'sync_cursor', null);
    if (appliedThrough !== null) this.noteProgress(this.ackedThrough(), appliedThrough);
    return true;
  }

  /** A hub that no longer holds the change at this workstation's position was restored from an older backup. */
  forgotten(response: PullResponse): boolean {
    if (response.cursorUnknown !== true) return false;
    log.warn('the hub no longer knows this workstation\'s feed position; sending lost changes again and reading its feed anew', {});
    this.deps.onRestored();
    writeSetting(this.deps.db, 'sync_cursor', null);
    this.noteProgress(this.ackedThrough(), response.appliedThrough);
    return true;
  }

  ackedThrough(): number {
    // The hub's last answer, kept on every answer; before the first one, the highest acknowledgement mark.
    const stored = readMeta(this.deps.sqlite, 'acked_through');
    return stored === undefined ? highestAcked(this.deps.sqlite) : Number(stored);
  }

  /** Remembers how far the hub acknowledged; a hub that forgot some gets them again. */
  noteProgress(ackedBefore: number, appliedThrough: number): void {
    const { sqlite } = this.deps;
    if (appliedThrough < ackedBefore) {
      const reopened = reopenAfter(sqlite, appliedThrough);
      log.warn('the hub lost acknowledged changes; sending them again', { appliedThrough, ackedBefore, reopened });
    }
    writeMeta(sqlite, 'acked_through', String(appliedThrough));
  }
}

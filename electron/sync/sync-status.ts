import type Database from 'better-sqlite3';
import type { SyncStatus } from '#shared/api/calls/sync.ts';
import { clinicIdSchema } from '#shared/domain/ids.ts';
import type { Db } from '../db/database.ts';
import type { DeviceIdentity } from '../device.ts';
import { referenceSupply } from '../references/reference-status.ts';
import { statement } from '../db/statements.ts';
import { isoAt, type Clock } from '../platform/clock.ts';
import type { EventBus } from '../platform/events.ts';
import { countPending } from './outbox.ts';
import { readSyncSettings, writeSetting } from './settings.ts';

/**
 * A successful sync's time goes to disk at most this often, and when sync stops: writing it on
 * every sync would flush the disk each time. Between writes the newest is known here; after a
 * crash the screen shows one up to this much older, until the sync that follows start-up.
 */
const LAST_SYNC_KEPT_EVERY_MS = 60_000;

export type SyncStatusDeps = {
  readonly sqlite: Database.Database;
  readonly db: Db;
  readonly clock: Clock;
  readonly events: EventBus;
  readonly identity: DeviceIdentity;
};

/** What the screens are told of sync, and the telling: its state, the hub's live link, a first sync's progress, the last sync's time. */
export class SyncStatusReporter {
  state: SyncStatus['state'] = 'standalone';
  /** Whether the hub's pokes are arriving. */
  live = false;
  /** A first sync's rows done of rows total, while it runs. */
  bootstrap: SyncStatus['bootstrap'] = null;
  /** The last successful sync when it is newer than the one on disk. */
  #lastSyncAt: string | null = null;
  #lastSyncKeptAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: SyncStatusDeps) {}

  status(): SyncStatus {
    const settings = readSyncSettings(this.deps.db);
    const pending = countPending(this.deps.sqlite);
    const openConflicts = statement(this.deps.sqlite, `select count(*) from sync_conflicts where resolved_at is null and deleted_at is null`).pluck().get() as number;
    const rejections = statement(this.deps.sqlite, `select count(*) from sync_rejections where dismissed_at is null`).pluck().get() as number;
    return {
      state: settings === null ? 'standalone' : this.state === 'standalone' ? 'connecting' : this.state,
      hubUrl: settings?.hubUrl ?? null,
      pendingChanges: pending.changes,
      lastSyncAt: this.#lastSyncAt ?? settings?.lastSyncAt ?? null,
      lastError: settings?.lastError ?? null,
      openConflicts,
      rejections,
      live: this.live,
      bootstrap: this.bootstrap,
      lastCheck: settings?.lastCheck ?? null,
      referenceNumbers: settings === null ? [] : referenceSupply(this.deps.db, clinicIdSchema.parse(settings.clinicId), this.deps.identity.deviceId, this.deps.clock.now()),
    };
  }

  emit(): void {
    this.deps.events.publish({ type: 'sync.status', status: this.status() }, { clinicId: null });
  }

  /** A sync went through just now. */
  noteSynced(): void {
    this.#lastSyncAt = isoAt(this.deps.clock.now());
    if (this.deps.clock.now() - this.#lastSyncKeptAt >= LAST_SYNC_KEPT_EVERY_MS) this.keepLastSync();
  }

  keepLastSync(): void {
    if (this.#lastSyncAt === null) return;
    writeSetting(this.deps.db, 'last_sync_at', this.#lastSyncAt);
    this.#lastSyncAt = null;
    this.#lastSyncKeptAt = this.deps.clock.now();
  }
}

import { hostname } from 'node:os';
import type { QueueBoard } from '#shared/modules/queue/calls.ts';
import { queueBoardCalls, type ServerEvent } from '#shared/api/events.ts';
import { clinicOfDisplayKey } from './modules/queue/display/display-links.ts';
import { queueBoardOf } from './modules/queue/display/queue-board.ts';
import { createDispatcher, type Dispatch } from './api/dispatch.ts';
import { handlers } from './api/handlers/index.ts';
import { SessionStore } from './auth/sessions.ts';
import { startCheckpointer } from './db/checkpointer.ts';
import type { OpenedDatabase } from './db/database.ts';
import type { MigrationReport } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { conflictResolversOf, registerCoreModules, startCoreModules } from './modules/registry.ts';
import { TermDictionary } from './modules/patients/search/term-dictionary.ts';
import { restoreTriggers } from './sync/bulk-triggers.ts';
import { installCaptureTriggers } from './sync/capture-triggers.ts';
import { installDeleteGuards } from './sync/delete-guards.ts';
import { ChangeStamper, readSyncState } from './sync/change-stamps.ts';
import { httpTransport } from './sync/http-transport.ts';
import { SyncClient, type SyncDeps } from './sync/sync-client.ts';
import type { HubTransport } from './sync/transport.ts';
import { ensureDeviceIdentity, type DeviceIdentity } from './device.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { EventBus } from './platform/events.ts';
import { createLogger } from './platform/logger.ts';
import { packageVersion } from './platform/package-info.ts';
import { backupsDirIn, databaseFileIn, sourcePaths } from './platform/paths.ts';

const log = createLogger('core');

export type CoreOptions = {
  readonly dataDir: string;
  /** How to reach a hub; HTTP unless a test wires a hub in the same process. */
  readonly hubTransport?: (hubUrl: string) => HubTransport;
  readonly random?: () => number;
  readonly migrationsDir?: string;
  readonly clock?: Clock;
  readonly deviceName?: string;
  readonly appVersion?: string;
  /** How often the workstation compares its data with the hub's (SYNC.md §10); ten minutes unless said. */
  readonly compareEveryMs?: number;
};

export type BoardListener = { readonly changed: () => void; readonly revoked: () => void };

/** The application core: one database, one dispatcher, one event bus; the transports sit on top. */
export type Core = {
  readonly dispatch: Dispatch;
  /** Events for the session holding this token; stops when the session ends. */
  readonly subscribe: (token: string, listener: (event: ServerEvent) => void) => () => void;
  /** The waiting-room board a screen key opens, or null for an unknown or revoked key. */
  readonly queueBoard: (displayKey: string) => QueueBoard | null;
  /** Calls back whenever the key's clinic's queue may have changed, and once when the key is revoked (nothing follows). */
  readonly subscribeBoard: (displayKey: string, listener: BoardListener) => () => void;
  readonly identity: DeviceIdentity;
  readonly database: OpenedDatabase;
  readonly migration: MigrationReport;
  readonly clock: Clock;
  readonly stamper: ChangeStamper;
  readonly sync: SyncClient;
  /**
   * Starts background sync when this workstation is linked to a hub. A standalone one starts
   * nothing (no timer, no listener); connecting or joining starts it then.
   */
  readonly startBackground: () => void;
  /** Stops background work and closes the database. */
  readonly close: () => Promise<void>;
};

export async function createCore(options: CoreOptions): Promise<Core> {
  registerCoreModules();
  const clock = options.clock ?? systemClock;
  const opened = await openDatabase({
    file: databaseFileIn(options.dataDir),
    migrationsDir: options.migrationsDir ?? sourcePaths.sqliteMigrations,
    backupsDir: backupsDirIn(options.dataDir),
    nowMs: clock.now(),
  });
  // A database that existed is backed up before it is migrated; one without a backup is new, and
  // creating it is no news to the person starting the app.
  if (opened.migration.applied.length > 0 && opened.migration.backupFile === null) log.debug('database created', { migrations: opened.migration.applied.length });
  else if (opened.migration.applied.length > 0) log.info('database migrated', { applied: opened.migration.applied.join(','), backup: true });
  const identity = ensureDeviceIdentity(opened.db, options.deviceName ?? hostname(), clock.now());
  // A first sync cut off by a stop leaves its triggers aside: back first; it sets them aside again as it resumes.
  restoreTriggers(opened.sqlite);
  installCaptureTriggers(opened.sqlite);
  installDeleteGuards(opened.sqlite);
  startCoreModules(opened, clock.now());
  const stamper = new ChangeStamper(identity.deviceId, clock, readSyncState(opened.db).hlc);
  const sessions = new SessionStore();
  const events = new EventBus();
  const syncDeps: SyncDeps = {
    sqlite: opened.sqlite,
    db: opened.db,
    identity,
    stamper,
    clock,
    events,
    transportFor: options.hubTransport ?? httpTransport,
    dataDir: options.dataDir,
    ...(options.random === undefined ? {} : { random: options.random }),
    ...(options.compareEveryMs === undefined ? {} : { compareEveryMs: options.compareEveryMs }),
  };
  const sync = new SyncClient(syncDeps);
  const dispatch = createDispatcher({
    db: opened.db,
    clock,
    identity,
    appVersion: options.appVersion ?? packageVersion(),
    sessions,
    events,
    handlers,
    services: { patientTerms: new TermDictionary(), stamper, sync, conflictResolvers: conflictResolversOf(), dataDir: options.dataDir },
  });

  function subscribe(token: string, listener: (event: ServerEvent) => void): () => void {
    const subscribed = sessions.find(token);
    if (subscribed === undefined) return () => undefined;
    return events.subscribe((event, audience) => {
      if ('userId' in audience) {
        if (audience.userId === subscribed.userId) listener(event);
        return;
      }
      const current = sessions.byId(subscribed.id);
      if (current === undefined) return;
      if (audience.clinicId === null || audience.clinicId === current.activeClinicId) listener(event);
    });
  }

  const queueBoard = (displayKey: string): QueueBoard | null => {
    const clinicId = clinicOfDisplayKey(opened.db, displayKey);
    return clinicId === null ? null : queueBoardOf(opened.db, clinicId, clock.now());
  };

  const subscribeBoard = (displayKey: string, listener: BoardListener): (() => void) => {
    const clinicId = clinicOfDisplayKey(opened.db, displayKey);
    if (clinicId === null) return () => undefined;
    const unsubscribe = events.subscribe((event, audience) => {
      if (event.type !== 'data.changed' || !('clinicId' in audience) || audience.clinicId !== clinicId) return;
      // The key is looked up again at each of its clinic's writes (one indexed read): a revoked
      // screen hears nothing more, whatever call revoked it.
      if (clinicOfDisplayKey(opened.db, displayKey) === null) {
        unsubscribe();
        listener.revoked();
      } else if (queueBoardCalls.has(event.call)) {
        listener.changed();
      }
    });
    return unsubscribe;
  };

  const checkpointer = startCheckpointer(opened.sqlite, opened.file);

  return {
    dispatch,
    subscribe,
    queueBoard,
    subscribeBoard,
    identity,
    database: opened,
    migration: opened.migration,
    clock,
    stamper,
    sync,
    startBackground: () => {
      if (sync.settings() !== null) sync.start();
    },
    close: async () => {
      await sync.stop();
      await checkpointer.close();
      opened.sqlite.close();
    },
  };
}

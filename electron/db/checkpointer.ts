import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createLogger } from '../platform/logger.ts';

const log = createLogger('checkpointer');

/** How often the worker copies committed pages from the WAL back into the database file. */
export const CHECKPOINT_EVERY_MS = 500;
/**
 * The main connection's own checkpoint threshold while the worker runs: a safety net for a
 * worker that falls behind, high enough that the main connection rarely meets it.
 */
export const MAIN_AUTOCHECKPOINT_PAGES = 10_000;
/** SQLite's default, restored when the worker stops early. */
export const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

// Plain JavaScript evaluated in the worker, so it needs no build step and no TypeScript loader
// in any host (Electron, the web host, tests). PASSIVE never waits for readers or the writer.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const options = { fileMustExist: true };
if (workerData.nativeBinding !== null) options.nativeBinding = workerData.nativeBinding;
const db = new Database(workerData.file, options);
db.pragma('busy_timeout = 0');
db.pragma('wal_autocheckpoint = 0');
const checkpoint = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (result.checkpointed > 0) parentPort.postMessage({ type: 'checkpointed', frames: result.checkpointed });
  } catch (error) {
    if (error && error.code === 'SQLITE_BUSY') return;
    parentPort.postMessage({ type: 'failed', message: String(error && error.message) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
parentPort.postMessage({ type: 'ready' });
`;

/**
 * Where a file of the driver sits outside the app's archive: electron-builder unpacks
 * better-sqlite3 whole (asarUnpack), so the worker needs no archive support to load it.
 */
export function outsideArchive(path: string): string {
  return path.replace(/\.asar([\\/])/, '.asar.unpacked$1');
}

/**
 * The driver's entry and its compiled addon, named directly: the driver's own lookup of the addon
 * goes through a helper package that is not unpacked beside it.
 */
function driverFiles(): { driver: string; nativeBinding: string | null } {
  const driver = outsideArchive(createRequire(import.meta.url).resolve('better-sqlite3'));
  const addon = join(dirname(dirname(driver)), 'build', 'Release', 'better_sqlite3.node');
  return { driver, nativeBinding: existsSync(addon) ? addon : null };
}

type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'checkpointed'; readonly frames: number }
  | { readonly type: 'failed'; readonly message: string };

export type Checkpointer = {
  /** Frames the worker has copied back so far; for tests and diagnostics. */
  readonly checkpointedFrames: () => number;
  /** Whether the worker is checkpointing (false once it failed, exited or was closed). */
  readonly running: () => boolean;
  /** True once the worker's own connection is open; false if it could not start. */
  readonly ready: Promise<boolean>;
  /** Stops the worker after a last checkpoint; call before closing the main connection. */
  readonly close: () => Promise<void>;
};

export type CheckpointerOptions = {
  readonly everyMs?: number;
};

/**
 * Moves WAL checkpoints off the main connection. With SQLite's default, the commit that takes
 * the WAL past 1,000 pages copies them into the database file before returning, so one sync
 * round or one registration in a few hundred pays several milliseconds more than the rest.
 * A worker thread with its own connection checkpoints instead, between commits, and the main
 * connection's threshold is raised so it only checkpoints if the worker falls far behind.
 * Should the worker fail to start or stop, the main connection takes back its default.
 */
export function startCheckpointer(sqlite: Database.Database, file: string, options: CheckpointerOptions = {}): Checkpointer {
  let frames = 0;
  let running = true;
  let closing = false;

  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...driverFiles(), file, everyMs: options.everyMs ?? CHECKPOINT_EVERY_MS } });
  // The worker must not keep a host alive that is otherwise done; close() holds it while it finishes.
  worker.unref();
  sqlite.pragma(`wal_autocheckpoint = ${String(MAIN_AUTOCHECKPOINT_PAGES)}`);

  let settleReady: (ok: boolean) => void = () => undefined;
  const ready = new Promise<boolean>((resolve) => {
    settleReady = resolve;
  });
  let settleClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    settleClosed = resolve;
  });

  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'ready') settleReady(true);
    else if (message.type === 'checkpointed') frames += message.frames;
    else log.warn('checkpoint failed', { reason: message.message });
  });
  worker.on('error', (error: Error) => {
    log.warn('checkpointer stopped; the main connection checkpoints again', { reason: error.message });
    running = false;
  });
  // Every end, closed, failed or exited, comes through here, so this is where the main connection takes checkpoints back.
  worker.on('exit', () => {
    if (running && !closing) log.warn('checkpointer exited; the main connection checkpoints again');
    running = false;
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${String(DEFAULT_AUTOCHECKPOINT_PAGES)}`);
    settleReady(false);
    settleClosed();
  });

  return {
    checkpointedFrames: () => frames,
    running: () => running,
    ready,
    close: async () => {
      if (closing) return closed;
      closing = true;
      worker.ref();
      worker.postMessage('close');
      await closed;
    },
  };
}

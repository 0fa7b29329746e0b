import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_AUTOCHECKPOINT_PAGES, MAIN_AUTOCHECKPOINT_PAGES, outsideArchive, startCheckpointer, type Checkpointer } from '#core/db/checkpointer.ts';
import { openDatabase } from '#core/db/open.ts';
import { backupsDirIn, databaseFileIn, sourcePaths } from '#core/platform/paths.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';

const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const NEVER_MS = 3_600_000;

describe('WAL checkpoints off the main connection', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function openScratch(): Promise<{ sqlite: Database.Database; file: string }> {
    const temp = makeTempDir();
    cleanups.push(temp.remove);
    const opened = await openDatabase({ file: databaseFileIn(temp.path), migrationsDir: sourcePaths.sqliteMigrations, backupsDir: backupsDirIn(temp.path), nowMs: NOW });
    cleanups.push(() => {
      opened.sqlite.close();
    });
    opened.sqlite.exec(`create table scratch (id integer primary key, body blob not null)`);
    return { sqlite: opened.sqlite, file: opened.file };
  }

  function track(checkpointer: Checkpointer): Checkpointer {
    cleanups.push(() => checkpointer.close());
    return checkpointer;
  }

  /** Small commits, each writing a few fresh pages, as registrations and sync rounds do. */
  function writePages(sqlite: Database.Database, commits: number): void {
    const insert = sqlite.prepare(`insert into scratch (body) values (randomblob(3000))`);
    const commit = sqlite.transaction(() => {
      insert.run();
      insert.run();
    });
    for (let index = 0; index < commits; index += 1) commit();
  }

  function walFrames(sqlite: Database.Database, file: string): number {
    const pageSize = Number(sqlite.pragma('page_size', { simple: true }));
    return statSync(`${file}-wal`).size / (pageSize + 24);
  }

  async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`not within ${String(timeoutMs)} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('copies the main connection\'s commits into the database file from its own thread', async () => {
    const { sqlite, file } = await openScratch();
    const checkpointer = track(startCheckpointer(sqlite, file, { everyMs: 50 }));
    expect(await checkpointer.ready).toBe(true);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(MAIN_AUTOCHECKPOINT_PAGES);
    writePages(sqlite, 300);
    await until(() => checkpointer.checkpointedFrames() >= 600, 10_000);
    // The WAL starts over once the worker has copied it all; nothing written is lost to that.
    writePages(sqlite, 1);
    expect(sqlite.prepare(`select count(*) from scratch`).pluck().get()).toBe(602);
    await checkpointer.close();
    expect(checkpointer.running()).toBe(false);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(DEFAULT_AUTOCHECKPOINT_PAGES);
  });

  it('leaves the main connection\'s commits free of checkpoints while the worker runs', async () => {
    const alone = await openScratch();
    writePages(alone.sqlite, 1_500);
    // SQLite's default: the commit past 1,000 pages checkpoints, and the WAL starts over.
    expect(walFrames(alone.sqlite, alone.file)).toBeLessThan(1_200);

    const helped = await openScratch();
    const checkpointer = track(startCheckpointer(helped.sqlite, helped.file, { everyMs: NEVER_MS }));
    expect(await checkpointer.ready).toBe(true);
    writePages(helped.sqlite, 1_500);
    expect(walFrames(helped.sqlite, helped.file)).toBeGreaterThan(2_500);
    expect(checkpointer.checkpointedFrames()).toBe(0);
  });

  it('gives checkpoints back to the main connection when the worker cannot open the file', async () => {
    const { sqlite, file } = await openScratch();
    const checkpointer = track(startCheckpointer(sqlite, join(file, 'not-here.sqlite')));
    expect(await checkpointer.ready).toBe(false);
    expect(checkpointer.running()).toBe(false);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(DEFAULT_AUTOCHECKPOINT_PAGES);
    await checkpointer.close();
  });

  it('loads the driver from the unpacked copy when the app runs from its archive', () => {
    expect(outsideArchive('/opt/Clinic Desk/resources/app.asar/node_modules/better-sqlite3/lib/index.js')).toBe('/opt/Clinic Desk/resources/app.asar.unpacked/node_modules/better-sqlite3/lib/index.js');
    expect(outsideArchive('C:\\Clinic Desk\\resources\\app.asar\\node_modules\\better-sqlite3\\lib\\index.js')).toBe('C:\\Clinic Desk\\resources\\app.asar.unpacked\\node_modules\\better-sqlite3\\lib\\index.js');
    expect(outsideArchive('/work/main/node_modules/better-sqlite3/lib/index.js')).toBe('/work/main/node_modules/better-sqlite3/lib/index.js');
  });
});

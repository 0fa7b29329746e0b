import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, backupBeforeMigration, listBackups } from '#core/db/backup.ts';
import { readShippedMigrations } from '#core/db/migration-files.ts';
import { DatabaseRefusedError } from '#core/db/migration-plan.ts';
import { openDatabase } from '#core/db/open.ts';
import { withoutWaitingForDisk } from '#core/db/pragmas.ts';
import { backupsDirIn, databaseFileIn, sourcePaths } from '#core/platform/paths.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';

const FIXTURE = new URL('../fixtures/sqlite/release-0.1-identity.sqlite', import.meta.url).pathname;
const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const shipped = readShippedMigrations(sourcePaths.sqliteMigrations);

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('local database', () => {
  const temps: { remove: () => void }[] = [];
  const tempDir = (): string => {
    const temp = makeTempDir();
    temps.push(temp);
    return temp.path;
  };
  afterEach(() => {
    for (const temp of temps.splice(0)) temp.remove();
  });

  const open = (dir: string, upTo?: string) =>
    openDatabase({ file: databaseFileIn(dir), migrationsDir: sourcePaths.sqliteMigrations, backupsDir: backupsDirIn(dir), nowMs: NOW, ...(upTo === undefined ? {} : { upTo }) });

  it('creates every table on an empty file, with WAL, foreign keys and synchronous=FULL', async () => {
    const dir = tempDir();
    const opened = await open(dir);
    expect(opened.migration.applied).toEqual(shipped.map((migration) => migration.tag));
    expect(opened.migration.backupFile).toBeNull();
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    const tables = (opened.sqlite.prepare(`select name from sqlite_master where type = 'table' order by name`).all() as { name: string }[]).map((row) => row.name);
    expect(tables).toEqual(expect.arrayContaining(['clinics', 'users', 'memberships', 'devices', 'audit_log', 'sign_in_throttle', 'local_meta', '_migrations']));
    opened.sqlite.close();

    const reopened = await open(dir);
    expect(reopened.migration.applied).toEqual([]);
    expect(listBackups(backupsDirIn(dir))).toEqual([]);
    reopened.sqlite.close();
  });

  it('commits what can be fetched again without waiting for the disk, and every other commit waits for it', async () => {
    const opened = await open(tempDir());
    const { sqlite } = opened;
    const level = (): unknown => sqlite.pragma('synchronous', { simple: true });
    sqlite.exec(`create table pulled (id integer primary key, value text)`);
    const insert = sqlite.prepare(`insert into pulled (value) values (?)`);
    const levelInPage = withoutWaitingForDisk(sqlite, () => sqlite.transaction(() => {
      insert.run('a page of the hub');
      return level();
    })());
    expect(levelInPage).toBe(1);
    expect(level()).toBe(2);

    // A page that fails leaves the connection waiting for the disk again, and nothing of it kept.
    expect(() => withoutWaitingForDisk(sqlite, () => sqlite.transaction(() => {
      insert.run('half a page');
      throw new Error('the page was cut off');
    })())).toThrow('the page was cut off');
    expect(level()).toBe(2);
    expect(sqlite.prepare(`select value from pulled`).pluck().all()).toEqual(['a page of the hub']);

    // Inside a transaction already open, its own commit decides: the level is left as it is.
    const levelInside = sqlite.transaction(() => withoutWaitingForDisk(sqlite, () => level()))();
    expect(levelInside).toBe(2);
    sqlite.close();
  });

  // SQLite names its temporary files etilqs_*, and unlinks them as it opens them: only the
  // process's open files show them.
  const openTemporaryFiles = (): string[] =>
    readdirSync('/proc/self/fd').flatMap((fd) => {
      try {
        const target = readlinkSync(join('/proc/self/fd', fd));
        return target.includes('etilqs_') ? [target] : [];
      } catch {
        return [];
      }
    });

  it.skipIf(process.platform !== 'linux')('keeps a transaction’s statement journals in memory, not in a temporary file', async () => {
    const opened = await open(tempDir());
    const { sqlite } = opened;
    // Rows over a few hundred pages, and a trigger, which makes every write keep a statement journal.
    sqlite.exec(`create table visits (id integer primary key, note text not null); create table visit_log (id integer primary key, visit_id integer);
      create trigger visits_logged after update on visits when (select count(*) from visit_log) < 0 begin insert into visit_log (visit_id) values (new.id); end`);
    const insert = sqlite.prepare(`insert into visits (note) values (?)`);
    sqlite.transaction(() => {
      for (let index = 0; index < 5_000; index += 1) insert.run('n'.repeat(200));
    })();
    const duringTransaction = sqlite.transaction(() => {
      // One statement keeps a copy of every page it changes: about 1 MB, far past the 64 KiB that
      // SQLite keeps in memory by default before moving the journal to a file for the transaction.
      sqlite.exec(`update visits set note = note || 'x'`);
      sqlite.prepare(`update visits set note = 'y' where id = 1`).run();
      return openTemporaryFiles();
    })();
    expect(duringTransaction).toEqual([]);
    expect(sqlite.pragma('temp_store', { simple: true })).toBe(2);
    sqlite.close();
  });

  it('upgrades a database an older release wrote, keeping its rows and backing it up first', async () => {
    const dir = tempDir();
    copyFileSync(FIXTURE, databaseFileIn(dir));
    const opened = await open(dir);
    expect(opened.migration.applied).toEqual(shipped.slice(1).map((migration) => migration.tag));
    expect(opened.sqlite.prepare(`select code, name from clinics`).all()).toEqual([{ code: 'OLD01', name: 'Old Town Clinic' }]);
    expect(opened.sqlite.prepare(`select username from users`).pluck().all()).toEqual(['olduser']);
    opened.sqlite.close();

    const backupFile = opened.migration.backupFile;
    expect(backupFile).not.toBeNull();
    if (backupFile === null) return;
    expect(listBackups(backupsDirIn(dir))).toHaveLength(1);
    const backup = new Database(backupFile, { readonly: true });
    expect(backup.prepare(`select tag from _migrations`).pluck().all()).toEqual(['0000_identity']);
    expect(backup.prepare(`select count(*) from clinics`).pluck().get()).toBe(1);
    backup.close();
  });

  it('applies each migration in its own transaction and makes the audit log append-only', async () => {
    const dir = tempDir();
    const older = await open(dir, '0000_identity');
    expect(older.migration.applied).toEqual(['0000_identity']);
    older.sqlite.prepare(`insert into audit_log (id, at, device_id, action, outcome) values ('a1', '2026-01-01T00:00:00.000Z', 'd', 'x', 'SUCCESS')`).run();
    older.sqlite.close();

    const upgraded = await open(dir);
    expect(upgraded.migration.applied).toContain('0001_audit_append_only');
    expect(() => upgraded.sqlite.prepare(`update audit_log set action = 'y'`).run()).toThrow(/append-only/);
    expect(() => upgraded.sqlite.prepare(`delete from audit_log`).run()).toThrow(/append-only/);
    expect(upgraded.sqlite.prepare(`select action from audit_log`).pluck().all()).toEqual(['x']);
    upgraded.sqlite.close();
  });

  it('refuses a database written by a newer version and leaves the file untouched', async () => {
    const dir = tempDir();
    const current = await open(dir);
    current.sqlite.prepare(`insert into _migrations (tag, checksum, applied_at) values ('9999_from_the_future', 'x', '2030-01-01T00:00:00.000Z')`).run();
    current.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    current.sqlite.close();
    const file = databaseFileIn(dir);
    const before = sha256(file);

    await expect(open(dir)).rejects.toThrow(DatabaseRefusedError);
    await expect(open(dir)).rejects.toThrow(/newer version of Clinic Desk.*left it untouched/);
    expect(sha256(file)).toBe(before);
    expect(listBackups(backupsDirIn(dir))).toEqual([]);
  });

  it('refuses a database whose applied migration differs from the shipped one', async () => {
    const dir = tempDir();
    const current = await open(dir);
    current.sqlite.prepare(`update _migrations set checksum = 'edited' where tag = '0000_identity'`).run();
    current.sqlite.close();
    await expect(open(dir)).rejects.toThrow(/differs from the one this version ships/);
  });

  it('refuses a file that is not a SQLite database without overwriting it', async () => {
    const dir = tempDir();
    const file = databaseFileIn(dir);
    writeFileSync(file, 'these are somebody else’s notes, not a database');
    const before = sha256(file);
    await expect(open(dir)).rejects.toThrow(/not a Clinic Desk database, or it is damaged/);
    expect(sha256(file)).toBe(before);
  });

  it(`keeps only the newest ${BACKUPS_KEPT} backups`, async () => {
    const dir = tempDir();
    const opened = await open(dir);
    const backupsDir = join(dir, 'backups');
    for (let index = 0; index < BACKUPS_KEPT + 3; index += 1) {
      await backupBeforeMigration(opened.sqlite, backupsDir, `tag${index}`, NOW + index * 1000);
    }
    const kept = listBackups(backupsDir);
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept[kept.length - 1]).toContain(`tag${BACKUPS_KEPT + 2}`);
    expect(kept.some((name) => name.includes('tag0'))).toBe(false);
    expect(existsSync(join(backupsDir, kept[0] ?? ''))).toBe(true);
    opened.sqlite.close();
  });
});

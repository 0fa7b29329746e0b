import { asc } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { limitSql, literalLimit } from '#core/db/literal-limit.ts';
import { openDatabase } from '#core/db/open.ts';
import { clinics } from '#core/db/schema/index.ts';
import { backupsDirIn, databaseFileIn, sourcePaths } from '#core/platform/paths.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';

describe('row limits written into the SQL', () => {
  const temps: { remove: () => void }[] = [];
  afterEach(() => {
    for (const temp of temps.splice(0)) temp.remove();
  });

  const openWithClinics = async (count: number) => {
    const temp = makeTempDir();
    temps.push(temp);
    const opened = await openDatabase({ file: databaseFileIn(temp.path), migrationsDir: sourcePaths.sqliteMigrations, backupsDir: backupsDirIn(temp.path), nowMs: Date.parse('2026-12-02T09:00:00.000Z') });
    opened.sqlite.prepare(`insert into organizations (id, name, created_at, updated_at) values ('organization-0', 'Practice', '2026-12-02', '2026-12-02')`).run();
    const insert = opened.sqlite.prepare(`insert into clinics (id, organization_id, code, name, country, city, currency, time_zone, created_at, updated_at) values (?, 'organization-0', ?, 'Clinic', 'IN', 'Pune', 'INR', 'Asia/Kolkata', '2026-12-02', '2026-12-02')`);
    for (let index = 0; index < count; index += 1) insert.run(`clinic-${String(index)}`, `CLN0${String(index)}`);
    return opened;
  };

  it('puts the number in the text of a drizzle query, binds nothing for it, and still limits the rows', async () => {
    const { db, sqlite } = await openWithClinics(3);
    const query = db.select({ id: clinics.id }).from(clinics).orderBy(asc(clinics.id)).limit(literalLimit(2));
    expect(query.toSQL()).toEqual({ sql: 'select "id" from "clinics" order by "clinics"."id" asc limit 2', params: [] });
    expect(query.all()).toEqual([{ id: 'clinic-0' }, { id: 'clinic-1' }]);
    // Prepared once and run again, as the hot lookups are.
    const prepared = db.select({ id: clinics.id }).from(clinics).orderBy(asc(clinics.id)).limit(literalLimit(1)).prepare();
    expect(prepared.all()).toEqual([{ id: 'clinic-0' }]);
    expect(prepared.all()).toEqual([{ id: 'clinic-0' }]);
    expect(sqlite.prepare(`select id from clinics order by id limit ${limitSql(0)}`).all()).toEqual([]);
    sqlite.close();
  });

  it('refuses anything but a whole number, so nothing else reaches the SQL', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      expect(() => limitSql(bad)).toThrow(RangeError);
      expect(() => literalLimit(bad)).toThrow(RangeError);
    }
    expect(limitSql(10)).toBe('10');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { noPostgresReason, postgresUrl } from '#tests/support/postgres.ts';
import { openScratchHubDb, type ScratchHubDb } from '#tests/support/scratch-hub-db.ts';

// A push's rows reach the mirror tables as array parameters, in PostgreSQL's binary format there
// (array-params.ts). What a person typed must arrive exactly as typed, whatever its characters.

const texts = ['Ngozi O’Brien', 'say "hello"', 'back\\slash', '{braces, commas}', 'NULL', '', ' spaced ', 'Ünïcödé 漢字 🙂', 'line\nbreak', null];
const numbers = [0, 1, -1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1_796_514_487_264, null];

describe.each(['pglite', 'postgres'] as const)('array parameters on %s', (kind) => {
  const skip = kind === 'postgres' && postgresUrl === null;
  let opened: ScratchHubDb | null = null;
  afterEach(async () => {
    await opened?.close();
    opened = null;
  });

  it.skipIf(skip)(`carry text exactly, nulls and empty strings apart${skip ? ` (${noPostgresReason})` : ''}`, async () => {
    opened = await openScratchHubDb(kind, 'clinic_array_params');
    const { db } = opened;
    const rows = await db.query<{ value: string | null }>(`select value from unnest($1::text[]) with ordinality as t(value, position) order by position`, [db.arrayParam('text', texts)]);
    expect(rows.map((row) => row.value)).toEqual(texts);
  });

  it.skipIf(skip)('carry whole numbers to the limits of safe integers', async () => {
    opened = await openScratchHubDb(kind, 'clinic_array_params');
    const { db } = opened;
    const rows = await db.query<{ value: string | null }>(`select value::text as value from unnest($1::bigint[]) with ordinality as t(value, position) order by position`, [db.arrayParam('bigint', numbers)]);
    expect(rows.map((row) => row.value)).toEqual(numbers.map((value) => (value === null ? null : String(value))));
  });

  it.skipIf(skip)('carry JSON as jsonb', async () => {
    opened = await openScratchHubDb(kind, 'clinic_array_params');
    const { db } = opened;
    const clocks = [JSON.stringify({ given_name: '0001', note: 'ü "q"' }), JSON.stringify({}), null];
    const rows = await db.query<{ value: string | null }>(`select value::text as value from unnest($1::jsonb[]) with ordinality as t(value, position) order by position`, [db.arrayParam('jsonb', clocks)]);
    expect(rows.map((row) => (row.value === null ? null : (JSON.parse(row.value) as unknown)))).toEqual(clocks.map((clock) => (clock === null ? null : (JSON.parse(clock) as unknown))));
  });

  it.skipIf(skip)('may be empty', async () => {
    opened = await openScratchHubDb(kind, 'clinic_array_params');
    const { db } = opened;
    const [row] = await db.query<{ n: string }>(`select (select count(*) from unnest($1::text[]))::text || '/' || (select count(*) from unnest($2::bigint[]))::text as n`, [db.arrayParam('text', []), db.arrayParam('bigint', [])]);
    expect(row?.n).toBe('0/0');
  });

  it.skipIf(skip)('refuse a character the database cannot store, and change nothing', async () => {
    opened = await openScratchHubDb(kind, 'clinic_array_params');
    const { db } = opened;
    await db.query(`create table names (name text)`);
    await expect(db.query(`insert into names select * from unnest($1::text[])`, [db.arrayParam('text', ['fine', 'nul\u0000inside'])])).rejects.toThrow();
    expect(await db.query(`select name from names`)).toEqual([]);
  });
});

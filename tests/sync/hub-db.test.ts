import { afterEach, describe, expect, it } from 'vitest';
import { openPostgres, sqlLiteral } from '#hub/db/hub-db.ts';
import { createScratchDatabase, noPostgresReason, postgresUrl } from '#tests/support/postgres.ts';
import { openScratchHubDb, type ScratchHubDb } from '#tests/support/scratch-hub-db.ts';

// The hub sends a transaction's statements without waiting for each (see push.ts); they must
// still run one at a time, in order, and never after the transaction has ended. A push batch
// opens its transaction with statements sent along with the begin, which belong to it all the same.

describe.each(['pglite', 'postgres'] as const)('a hub transaction’s statements sent ahead, on %s', (kind) => {
  const skip = kind === 'postgres' && postgresUrl === null;
  let opened: ScratchHubDb | null = null;
  afterEach(async () => {
    await opened?.close();
    opened = null;
  });

  it.skipIf(skip)(`runs them in the order they were sent${skip ? ` (${noPostgresReason})` : ''}`, async () => {
    opened = await openScratchHubDb(kind, 'clinic_hub_db');
    const { db } = opened;
    await db.query(`create table numbers (n integer primary key, at bigserial)`);
    await db.transaction(async (tx) => {
      await Promise.all([1, 2, 3, 4, 5].map((n) => tx.query(`insert into numbers (n) values ($1)`, [n])));
    });
    expect((await db.query<{ n: number }>(`select n from numbers order by at`)).map((row) => row.n)).toEqual([1, 2, 3, 4, 5]);
  });

  it.skipIf(skip)('keeps none of them when one fails, even those still waiting their turn', async () => {
    opened = await openScratchHubDb(kind, 'clinic_hub_db');
    const { db } = opened;
    await db.query(`create table numbers (n integer primary key)`);
    const sent: Promise<unknown>[] = [];
    await expect(
      db.transaction(async (tx) => {
        sent.push(tx.query(`insert into numbers (n) values (1)`), tx.query(`insert into numbers (n) values (1)`));
        for (let n = 2; n <= 6; n += 1) sent.push(tx.query(`insert into numbers (n) values ($1)`, [n]));
        await Promise.all(sent);
      }),
    ).rejects.toThrow();
    await Promise.allSettled(sent);
    // What was still waiting when the transaction ended never runs outside it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await db.query(`select n from numbers`)).toEqual([]);
  });

  it.skipIf(skip)('runs an opening inside the transaction and hands over its last statement’s rows, values quoted as written', async () => {
    opened = await openScratchHubDb(kind, 'clinic_hub_db');
    const { db } = opened;
    await db.query(`create table notes (id integer primary key, body text, total bigint)`);
    const awkward = `O'Brien \\ "quoted" ; drop table notes; --`;
    const seen = await db.transaction(
      async (tx, openedRows) => {
        await tx.query(`insert into notes (id, body, total) values (2, 'later', 1)`);
        return openedRows;
      },
      `insert into notes (id, body, total) values (1, ${sqlLiteral(awkward)}, 9007199254740991); select body, total from notes where id = 1`,
    );
    expect(seen).toEqual([{ body: awkward, total: Number.MAX_SAFE_INTEGER }]);
    expect(await db.query(`select id from notes order by id`)).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it.skipIf(skip)('keeps nothing of an opening whose transaction fails', async () => {
    opened = await openScratchHubDb(kind, 'clinic_hub_db');
    const { db } = opened;
    await db.query(`create table notes (id integer primary key)`);
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`insert into notes (id) values (1)`);
      }, `insert into notes (id) values (1)`),
    ).rejects.toThrow();
    expect(await db.query(`select id from notes`)).toEqual([]);
  });
});

describe('a hub on PostgreSQL whose server closes its connections', () => {
  const skip = postgresUrl === null;
  if (skip) console.info(`PostgreSQL connection tests skipped: ${noPostgresReason}`);

  it.skipIf(skip)('keeps answering when the server ends its idle connections and its listener (a restart, an administrator)', async () => {
    const scratch = await createScratchDatabase('clinic_hub_db');
    const db = await openPostgres(scratch.url);
    try {
      const heard: string[] = [];
      const stopListening = await db.listen('clinic_changes', (payload) => heard.push(payload));
      // Several connections left idle in the pool.
      await Promise.all(Array.from({ length: 4 }, () => db.query('select pg_sleep(0.05)')));
      const admin = await openPostgres(postgresUrl ?? '');
      try {
        const [ended] = await admin.query<{ n: string }>(`select count(pg_terminate_backend(pid))::text as n from pg_stat_activity where datname = $1`, [scratch.name]);
        expect(Number(ended?.n)).toBeGreaterThanOrEqual(2);
      } finally {
        await admin.close();
      }
      // Let the servers' goodbyes arrive: an unhandled one would end this process here.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await db.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);
      // The listener listens again: a poke from another hub process still arrives.
      const deadline = Date.now() + 5_000;
      while (heard.length === 0 && Date.now() < deadline) {
        await db.query(`select pg_notify('clinic_changes', 'clinic-a')`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await stopListening();
      expect(heard[0]).toBe('clinic-a');
    } finally {
      await db.close();
      await scratch.drop();
    }
  });
});

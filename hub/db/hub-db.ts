import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

// The hub runs on a real PostgreSQL (DATABASE_URL) or on PGlite in a folder. Both speak the same
// SQL; this is the little the hub needs of either: queries, and transactions on one connection.

export type Row = Record<string, unknown>;

export type HubQueries = {
  readonly query: <T extends Row = Row>(sql: string, params?: readonly unknown[]) => Promise<T[]>;
};

export type HubDb = HubQueries & {
  readonly kind: 'postgres' | 'pglite';
  readonly transaction: <T>(work: (tx: HubQueries) => Promise<T>) => Promise<T>;
  /** Calls back on NOTIFY of the channel, from any hub process sharing the database. */
  readonly listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;
  readonly close: () => Promise<void>;
};

/**
 * A transaction's statements, run one after another in the order they were sent: a caller may
 * send the next before the one before has finished (preparing its text meanwhile), and the
 * connection still sees one statement at a time. Once the transaction ends (end()), a statement
 * still waiting its turn fails rather than run outside it.
 */
function inOrder(run: (sql: string, params: readonly unknown[]) => Promise<Row[]>): { queries: HubQueries; end: () => void } {
  let last: Promise<unknown> = Promise.resolve();
  let ended = false;
  return {
    queries: {
      query: <T extends Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> => {
        const next = async (): Promise<T[]> => {
          if (ended) throw new Error('the transaction ended before this statement ran');
          return (await run(sql, params)) as T[];
        };
        const result = last.then(next, next);
        last = result.catch(() => undefined);
        return result;
      },
    },
    end: () => {
      ended = true;
    },
  };
}

export async function openPglite(dataDir: string): Promise<HubDb> {
  const db = new PGlite(dataDir);
  await db.waitReady;
  // PGlite is one connection: transactions must not interleave, so they queue.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const query = async <T extends Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> => (await db.query<T>(sql, [...params])).rows;
  return {
    kind: 'pglite',
    query: (sql, params) => serial(() => query(sql, params)),
    transaction: (work) =>
      serial(() =>
        db.transaction(async (tx) => {
          const statements = inOrder(async (sql, params) => (await tx.query<Row>(sql, [...params])).rows);
          return work(statements.queries).finally(statements.end);
        }),
      ),
    listen: async (channel, onPayload) => {
      const stop = await db.listen(channel, onPayload);
      return async () => {
        await stop();
      };
    },
    close: () => db.close(),
  };
}

/**
 * The mirror keeps the workstations' integers as bigint, always safe integers (the hub checks
 * each pushed value), so they come back as numbers, as PGlite's do, not as node-postgres's strings.
 */
function hubTypes(): pg.TypeOverrides {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, 'text', (value: string) => Number(value));
  return types;
}

export async function openPostgres(connectionString: string): Promise<HubDb> {
  const pool = new pg.Pool({ connectionString, max: 10, types: hubTypes() });
  await pool.query('select 1');
  const listeners: pg.PoolClient[] = [];
  return {
    kind: 'postgres',
    query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => (await pool.query<T>(sql, [...params])).rows,
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const statements = inOrder(async (sql, params) => (await client.query<Row>(sql, [...params])).rows);
        const result = await work(statements.queries).finally(statements.end);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen: async (channel, onPayload) => {
      const client = await pool.connect();
      listeners.push(client);
      client.on('notification', (message) => {
        if (message.channel === channel) onPayload(message.payload ?? '');
      });
      await client.query(`listen ${channel}`);
      return async () => {
        await client.query(`unlisten ${channel}`).catch(() => undefined);
        client.release();
        listeners.splice(listeners.indexOf(client), 1);
      };
    },
    close: async () => {
      for (const client of listeners.splice(0)) client.release();
      await pool.end();
    },
  };
}

import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createLogger } from '#core/platform/logger.ts';
import { binaryArray, plainArrays, type ArrayParam } from './array-params.ts';

// The hub runs on a real PostgreSQL (DATABASE_URL) or on PGlite in a folder. Both speak the same
// SQL; this is the little the hub needs of either: queries, and transactions on one connection.

const log = createLogger('hub');

export type Row = Record<string, unknown>;

export type HubQueries = {
  readonly query: <T extends Row = Row>(sql: string, params?: readonly unknown[]) => Promise<T[]>;
};

export type HubDb = HubQueries & {
  readonly kind: 'postgres' | 'pglite';
  /** An array parameter in the form this database reads fastest. */
  readonly arrayParam: ArrayParam;
  /**
   * Runs work in a transaction. An opening, SQL without parameters (its values written in with
   * sqlLiteral), runs right after the transaction begins, sent with the begin itself: its last
   * statement's rows are handed to work. A push batch opens with its locks and its device's row,
   * three round trips to the database in one, while the batch holds its clinic's lock.
   */
  readonly transaction: <T>(work: (tx: HubQueries, opened: Row[]) => Promise<T>, opening?: string) => Promise<T>;
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
    arrayParam: plainArrays,
    query: (sql, params) => serial(() => query(sql, params)),
    transaction: (work, opening) =>
      serial(() =>
        db.transaction(async (tx) => {
          const opened = opening === undefined ? [] : ((await tx.exec(opening)).at(-1)?.rows ?? []);
          const statements = inOrder(async (sql, params) => (await tx.query<Row>(sql, [...params])).rows);
          return work(statements.queries, opened).finally(statements.end);
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

/** A value written into SQL text, for an opening (see HubDb.transaction), quoted as the driver quotes it. */
export function sqlLiteral(text: string): string {
  return pg.escapeLiteral(text);
}

/** The rows of a simple query's last statement: node-postgres answers several statements with a result each. */
function lastRows(result: pg.QueryResult<Row> | pg.QueryResult<Row>[]): Row[] {
  return (Array.isArray(result) ? result.at(-1) : result)?.rows ?? [];
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

const IDLE_CONNECTION_MS = 5 * 60 * 1000;

/** How long a listener whose connection the server closed waits before listening again. */
const RELISTEN_MS = 500;

/** A listen on a channel: the connection it holds (none while it opens another), and whether it was stopped. */
type Listener = { readonly channel: string; readonly onPayload: (payload: string) => void; client: pg.PoolClient | null; stopped: boolean };

export async function openPostgres(connectionString: string): Promise<HubDb> {
  const pool = openPool(connectionString);
  await pool.query('select 1');
  const listeners = new Set<Listener>();
  return {
    kind: 'postgres',
    arrayParam: binaryArray,
    query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => (await pool.query<T>(sql, [...params])).rows,
    transaction: (work, opening) => inPostgresTransaction(pool, work, opening),
    listen: (channel, onPayload) => listenOn(pool, listeners, { channel, onPayload, client: null, stopped: false }),
    close: () => closePostgres(pool, listeners),
  };
}

function openPool(connectionString: string): pg.Pool {
  // Connections are kept five minutes idle, not node-postgres's ten seconds: a connection opened
  // anew starts with empty caches on the server (measured: a catch-up push after a pause ran about
  // 15% slower on fresh connections), and workstations sync in bursts with pauses between.
  const pool = new pg.Pool({ connectionString, max: 10, idleTimeoutMillis: IDLE_CONNECTION_MS, types: hubTypes() });
  // The server may close an idle connection (a restart, an administrator, a failover): the pool
  // drops it and opens another when needed. Unheard, the error would end the hub's process.
  pool.on('error', (error: Error & { code?: string }) => log.warn('the database closed an idle connection', { code: error.code ?? null }));
  return pool;
}

/** HubDb.transaction on a connection of the pool: the opening goes with the begin, in one round trip. */
async function inPostgresTransaction<T>(pool: pg.Pool, work: (tx: HubQueries, opened: Row[]) => Promise<T>, opening: string | undefined): Promise<T> {
  const client = await pool.connect();
  try {
    let opened: Row[] = [];
    if (opening === undefined) await client.query('begin');
    else opened = lastRows(await client.query<Row>(`begin; ${opening}`));
    const statements = inOrder(async (sql, params) => (await client.query<Row>(sql, [...params])).rows);
    const result = await work(statements.queries, opened).finally(statements.end);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** HubDb.listen: listens on a connection of its own until the function it answers is called. */
async function listenOn(pool: pg.Pool, listeners: Set<Listener>, listener: Listener): Promise<() => Promise<void>> {
  listeners.add(listener);
  const connect = listenerConnector(pool, listener);
  try {
    await connect(false);
  } catch (error) {
    stopListening(listeners, listener);
    throw error;
  }
  return async () => {
    const client = stopListening(listeners, listener);
    if (client === null) return;
    await client.query(`unlisten ${listener.channel}`).catch(() => undefined);
    client.release();
  };
}

/** Connects a listener (again: after the server closed its connection), and keeps connecting it while it is not stopped. */
function listenerConnector(pool: pg.Pool, listener: Listener): (again: boolean) => Promise<void> {
  const { channel, onPayload } = listener;
  // A listener's connection the server closed is given back broken and opened anew (again
  // and again while the server is away), so pokes from other hub processes keep coming.
  const dropped = (client: pg.PoolClient, error: Error & { code?: string }): void => {
    if (listener.client !== client) return;
    log.warn('the database closed the connection listening for changes; listening again', { code: error.code ?? null });
    listener.client = null;
    client.release(error);
    listenAgain();
  };
  const listenAgain = (): void => {
    if (!listener.stopped) setTimeout(() => void connect(true).catch(() => undefined), RELISTEN_MS);
  };
  const connect = async (again: boolean): Promise<void> => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      // The first listen reports its failure to the caller; a listener listening again keeps trying.
      if (again) listenAgain();
      throw error;
    }
    if (listener.stopped) {
      client.release();
      return;
    }
    listener.client = client;
    client.on('notification', (message) => {
      if (message.channel === channel) onPayload(message.payload ?? '');
    });
    client.on('error', (error: Error & { code?: string }) => dropped(client, error));
    try {
      await client.query(`listen ${channel}`);
    } catch (error) {
      dropped(client, error as Error & { code?: string });
      throw error;
    }
  };
  return connect;
}

/** Stops a listener and forgets it; returns the connection it held, for the caller to let go. */
function stopListening(listeners: Set<Listener>, listener: Listener): pg.PoolClient | null {
  listener.stopped = true;
  listeners.delete(listener);
  const client = listener.client;
  listener.client = null;
  return client;
}

async function closePostgres(pool: pg.Pool, listeners: Set<Listener>): Promise<void> {
  for (const listener of listeners) {
    listener.stopped = true;
    listener.client?.release();
    listener.client = null;
  }
  listeners.clear();
  await pool.end();
}

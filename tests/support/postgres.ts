import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** CI's PostgreSQL (started by .ci/run), or null where none is set up: those tests then say so and skip. */
export const postgresUrl: string | null = process.env['DATABASE_URL'] !== undefined && process.env['DATABASE_URL'] !== '' ? process.env['DATABASE_URL'] : null;

export const noPostgresReason = 'DATABASE_URL is not set: the PostgreSQL variants run in CI, where .ci/run starts PostgreSQL 15';

export type ScratchDatabase = {
  readonly name: string;
  readonly url: string;
  /** A copy of the database as it is now (no one may be connected to it meanwhile). */
  readonly copyTo: (name: string) => Promise<void>;
  /** Replaces the database by a copy made earlier (no one may be connected to it meanwhile). */
  readonly replaceFrom: (name: string) => Promise<void>;
  readonly drop: () => Promise<void>;
};

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  if (postgresUrl === null) throw new Error(noPostgresReason);
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function urlOf(name: string): string {
  const url = new URL(postgresUrl ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

/** A database of its own for one test on the shared server, so tests and runs never meet. */
export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const copies = new Set<string>();
  await admin((client) => client.query(`create database ${name}`));
  return {
    name,
    url: urlOf(name),
    copyTo: async (copy) => {
      copies.add(copy);
      await admin(async (client) => {
        await client.query(`drop database if exists ${copy} with (force)`);
        await client.query(`create database ${copy} template ${name}`);
      });
    },
    replaceFrom: async (copy) => {
      await admin(async (client) => {
        await client.query(`drop database if exists ${name} with (force)`);
        await client.query(`create database ${name} template ${copy}`);
      });
    },
    drop: async () => {
      await admin(async (client) => {
        for (const database of [name, ...copies]) await client.query(`drop database if exists ${database} with (force)`);
      });
    },
  };
}

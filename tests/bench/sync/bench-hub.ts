import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import type { FillTarget } from './hub-fill.ts';
import type { HubReady, HubReply, HubRequest } from './hub-process.ts';

export type HubKind = 'pglite' | 'postgres';

type Unsent<T> = T extends unknown ? Omit<T, 'id'> : never;

export type BenchHub = {
  readonly kind: HubKind;
  readonly url: string;
  readonly createEnrolmentCode: (target: { clinicCode: string; clinicId: string | null }) => Promise<{ code: string }>;
  /** Adds the history of patients [from, to) straight in the hub's database. */
  readonly fill: (target: FillTarget, from: number, to: number) => Promise<number>;
  /** Bytes read and written on every connection the hub's server has had, headers included. */
  readonly wireBytes: () => Promise<number>;
  readonly close: () => Promise<void>;
};

/** A fresh database on the server of DATABASE_URL, dropped on close, so runs never meet tests' data. */
async function freshPostgres(databaseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `clinic_bench_${String(process.pid)}_${String(Date.now())}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The options `npm run hub` gives the hub's Node (its script is `tsx [options] hub/main.ts`), so the bench's hub runs as a clinic's does. */
function hubScriptNodeOptions(): string[] {
  const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
  const words = (packageJson.scripts['hub'] ?? '').split(' ');
  return words.slice(1, words.indexOf('hub/main.ts')).filter((word) => word.startsWith('--'));
}

/** BENCH_HUB_NODE_OPTIONS: more options for the hub's Node, for profiling it (say --cpu-prof). */
const extraNodeOptions = [...hubScriptNodeOptions(), ...(process.env['BENCH_HUB_NODE_OPTIONS'] ?? '').split(' ').filter((option) => option !== '')];

const hubProcessFile = fileURLToPath(new URL('./hub-process.ts', import.meta.url));

/** The hub process, and requests to it answered in order of their ids. */
function talkTo(child: ChildProcess): (request: Unsent<HubRequest>) => Promise<unknown> {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  child.on('message', (reply: HubReply | HubReady) => {
    if (!('id' in reply)) return;
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) pending?.resolve(reply.value);
    else pending?.reject(new Error(`bench hub: ${reply.message}`));
  });
  child.on('exit', (code) => {
    for (const pending of waiting.values()) pending.reject(new Error(`the bench hub stopped (exit code ${String(code)})`));
    waiting.clear();
  });
  return (request) =>
    new Promise((resolve, reject) => {
      const id = nextId;
      nextId += 1;
      waiting.set(id, { resolve, reject });
      child.send({ ...request, id });
    });
}

/**
 * A hub on PGlite in a temporary folder, or on a fresh PostgreSQL database, served over HTTP on
 * 127.0.0.1 by a process of its own, as in a clinic, where the hub is another machine.
 */
export async function startBenchHub(kind: HubKind, databaseUrl?: string): Promise<BenchHub> {
  const temp = kind === 'pglite' ? makeTempDir('clinic-bench-hub-') : null;
  const postgres = kind === 'postgres' ? await freshPostgres(databaseUrl ?? '') : null;
  const storage = temp !== null ? { kind: 'pglite', dataDir: temp.path } : { kind: 'postgres', url: postgres?.url ?? '' };
  const child = fork(hubProcessFile, [], { execArgv: ['--import', 'tsx', ...extraNodeOptions], env: { ...process.env, BENCH_HUB_STORAGE: JSON.stringify(storage) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const stopped = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cleanUp = async (): Promise<void> => {
    temp?.remove();
    await postgres?.drop();
  };
  const ready = await new Promise<HubReady>((resolve) => {
    child.once('message', (message: HubReady) => resolve(message));
    child.once('exit', (code) => resolve({ ready: false, message: `exited with code ${String(code)}` }));
  });
  if (!ready.ready) {
    await cleanUp();
    throw new Error(`the bench hub did not start: ${ready.message}`);
  }
  const ask = talkTo(child);
  return {
    kind,
    url: ready.url,
    createEnrolmentCode: async (target) => ({ code: String(await ask({ op: 'code', ...target })) }),
    fill: async (target, from, to) => Number(await ask({ op: 'fill', target, from, to })),
    wireBytes: async () => Number(await ask({ op: 'wireBytes' })),
    close: async () => {
      await ask({ op: 'close' });
      await stopped;
      await cleanUp();
    },
  };
}

import type { Socket } from 'node:net';
import pg from 'pg';
import { HubService } from '#hub/hub-service.ts';
import { createHubServer } from '#hub/server.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';

export type HubKind = 'pglite' | 'postgres';

export type BenchHub = {
  readonly kind: HubKind;
  readonly hub: HubService;
  readonly url: string;
  /** Bytes read and written on every connection the hub's server has had, headers included. */
  readonly wireBytes: () => number;
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

/** A hub on PGlite in a temporary folder, or on a fresh PostgreSQL database, served over HTTP on 127.0.0.1. */
export async function startBenchHub(kind: HubKind, databaseUrl?: string): Promise<BenchHub> {
  const temp = kind === 'pglite' ? makeTempDir('clinic-bench-hub-') : null;
  const postgres = kind === 'postgres' ? await freshPostgres(databaseUrl ?? '') : null;
  const hub = await HubService.open(temp !== null ? { kind: 'pglite', dataDir: temp.path } : { kind: 'postgres', url: postgres?.url ?? '' });
  const app = await createHubServer({ hub, version: 'bench', adminToken: 'bench-admin-token-not-used' });
  const sockets = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => sockets.add(socket));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    kind,
    hub,
    url: `http://127.0.0.1:${String(port)}`,
    wireBytes: () => [...sockets].reduce((total, socket) => total + socket.bytesRead + socket.bytesWritten, 0),
    close: async () => {
      await app.close();
      await hub.close();
      temp?.remove();
      await postgres?.drop();
    },
  };
}

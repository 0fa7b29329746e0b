import type { Socket } from 'node:net';
import { HubService, type HubStorage } from '#hub/hub-service.ts';
import { createHubServer } from '#hub/server.ts';
import { fillHub, type FillTarget } from './hub-fill.ts';

// The bench's hub in a process of its own, as `npm run hub` runs it: its JSON, its checks and its
// database driver do not share a thread with the workstations it serves. The parent reaches its
// database through it (filling the history, issuing codes), since a PGlite folder has one owner.

export type HubRequest =
  | { readonly id: number; readonly op: 'code'; readonly clinicCode: string; readonly clinicId: string | null }
  | { readonly id: number; readonly op: 'fill'; readonly target: FillTarget; readonly from: number; readonly to: number }
  | { readonly id: number; readonly op: 'wireBytes' }
  | { readonly id: number; readonly op: 'close' };

export type HubReply = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly message: string };

export type HubReady = { readonly ready: true; readonly url: string } | { readonly ready: false; readonly message: string };

function send(message: HubReply | HubReady): void {
  process.send?.(message);
}

async function main(storage: HubStorage): Promise<void> {
  const hub = await HubService.open(storage);
  const app = await createHubServer({ hub, version: 'bench', adminToken: 'bench-admin-token-not-used' });
  const sockets = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => sockets.add(socket));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  const handle = async (request: HubRequest): Promise<unknown> => {
    switch (request.op) {
      case 'code':
        return (await hub.createEnrolmentCode({ clinicCode: request.clinicCode, clinicId: request.clinicId })).code;
      case 'fill':
        return fillHub(hub.db, request.target, request.from, request.to);
      case 'wireBytes':
        return [...sockets].reduce((total, socket) => total + socket.bytesRead + socket.bytesWritten, 0);
      case 'close':
        await app.close();
        await hub.close();
        return null;
    }
  };
  process.on('message', (request: HubRequest) => {
    handle(request).then(
      (value) => {
        send({ id: request.id, ok: true, value });
        if (request.op === 'close') process.disconnect();
      },
      (error: unknown) => {
        send({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) });
      },
    );
  });
  send({ ready: true, url: `http://127.0.0.1:${String(port)}` });
}

const storage = JSON.parse(process.env['BENCH_HUB_STORAGE'] ?? 'null') as HubStorage | null;
if (storage === null) throw new Error('BENCH_HUB_STORAGE is not set');
main(storage).catch((error: unknown) => {
  send({ ready: false, message: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
});

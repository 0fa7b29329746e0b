import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postToHub } from '#core/sync/hub-request.ts';

type FakeHub = { readonly url: string; readonly connections: () => number; readonly requests: () => number; readonly close: () => Promise<void> };

/**
 * A hub on a raw socket, to decide per connection what happens: it answers requests that open a
 * connection, keeps the connection open, and resets it when asked to on any later request.
 */
async function fakeHub(options: { resetReused: boolean; silent?: boolean }): Promise<FakeHub> {
  let connections = 0;
  let requests = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let seen = '';
    let onThisConnection = 0;
    socket.on('data', (chunk: Buffer) => {
      seen += chunk.toString('latin1');
      for (let end = seen.indexOf('\r\n\r\n'); end !== -1; end = seen.indexOf('\r\n\r\n')) {
        const head = seen.slice(0, end);
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? '0');
        if (seen.length < end + 4 + length) return;
        // Framed by bytes, as content-length counts them; the body itself is UTF-8.
        const body = Buffer.from(seen.slice(end + 4, end + 4 + length), 'latin1').toString('utf8');
        seen = seen.slice(end + 4 + length);
        requests += 1;
        onThisConnection += 1;
        if (options.silent === true) return;
        if (options.resetReused && onThisConnection > 1) {
          socket.resetAndDestroy();
          return;
        }
        const answer = JSON.stringify({ echoed: JSON.parse(body) as unknown, request: requests });
        socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${String(Buffer.byteLength(answer))}\r\nconnection: keep-alive\r\n\r\n${answer}`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${String(address.port)}/sync/pull`,
    connections: () => connections,
    requests: () => requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('requests to the hub over kept-open connections', () => {
  const hubs: FakeHub[] = [];
  afterEach(async () => {
    for (const hub of hubs.splice(0)) await hub.close();
  });

  it('sends the body with its length and reuses the connection for the next request', async () => {
    const hub = await fakeHub({ resetReused: false });
    hubs.push(hub);
    const first = await postToHub(hub.url, { 'content-type': 'application/json' }, JSON.stringify({ name: 'Aïsha' }), 5_000);
    const second = await postToHub(hub.url, { 'content-type': 'application/json' }, JSON.stringify({ n: 2 }), 5_000);
    expect(first).toEqual({ status: 200, text: JSON.stringify({ echoed: { name: 'Aïsha' }, request: 1 }) });
    expect(JSON.parse(second.text)).toEqual({ echoed: { n: 2 }, request: 2 });
    expect(hub.connections()).toBe(1);
  });

  it('sends a request again on a new connection when the kept one was reset before any answer', async () => {
    const hub = await fakeHub({ resetReused: true });
    hubs.push(hub);
    await postToHub(hub.url, {}, '{"n":1}', 5_000);
    const again = await postToHub(hub.url, {}, '{"n":2}', 5_000);
    expect(JSON.parse(again.text)).toEqual({ echoed: { n: 2 }, request: 3 });
    expect(hub.connections()).toBe(2);
  });

  it('gives up on a hub that does not answer within the time allowed', async () => {
    const hub = await fakeHub({ resetReused: false, silent: true });
    hubs.push(hub);
    await expect(postToHub(hub.url, {}, '{}', 200)).rejects.toThrow('no answer within 200 ms');
    expect(hub.requests()).toBe(1);
  });

  it('refuses an address that is not http or https', async () => {
    await expect(postToHub('ftp://127.0.0.1/sync/pull', {}, '{}', 200)).rejects.toThrow('http: or https:');
  });
});

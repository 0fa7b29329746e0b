import type { FastifyReply } from 'fastify';
import type { Core } from '../core.ts';
import { securityHeaders } from './security-headers.ts';

const KEEP_ALIVE_MS = 20_000;

/** Server-sent events for one session; a comment line every few seconds keeps proxies from closing it. */
export function openEventStream(reply: FastifyReply, core: Core, token: string, openStreams: Set<() => void>): void {
  reply.hijack();
  const response = reply.raw;
  response.writeHead(200, {
    ...securityHeaders,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  const unsubscribe = core.subscribe(token, (event) => {
    response.write(`data: ${JSON.stringify(event)}\n\n`);
  });
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  const close = (): void => {
    clearInterval(keepAlive);
    unsubscribe();
    openStreams.delete(close);
    if (!response.writableEnded) response.end();
  };
  openStreams.add(close);
  response.on('close', close);
}

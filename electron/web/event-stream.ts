import type { FastifyReply } from 'fastify';
import type { ServerEvent } from '#shared/api/events.ts';
import { securityHeaders } from './security-headers.ts';

const KEEP_ALIVE_MS = 20_000;

/**
 * Server-sent events on a hijacked reply. A comment line every few seconds keeps proxies from
 * closing an idle stream; the subscription ends with the connection or when the host stops.
 */
export function openEventStream(reply: FastifyReply, subscribe: (send: (event: ServerEvent) => void) => () => void, openStreams: Set<() => void>): void {
  reply.hijack();
  const response = reply.raw;
  response.writeHead(200, {
    ...securityHeaders,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  const unsubscribe = subscribe((event) => response.write(`data: ${JSON.stringify(event)}\n\n`));
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

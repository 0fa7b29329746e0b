import type { FastifyReply } from 'fastify';
import type { ServerEvent } from '#shared/api/events.ts';
import { securityHeaders } from './security-headers.ts';

const KEEP_ALIVE_MS = 20_000;

/**
 * Server-sent events on a hijacked reply. A comment line every few seconds keeps proxies from
 * closing an idle stream; the subscription ends with the connection, when the host stops, or
 * when the subscriber ends it (end), as when what opened the stream no longer holds.
 */
export function openEventStream(reply: FastifyReply, subscribe: (send: (event: ServerEvent) => void, end: () => void) => () => void, openStreams: Set<() => void>): void {
  reply.hijack();
  const response = reply.raw;
  response.writeHead(200, {
    ...securityHeaders,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  let unsubscribe: (() => void) | null = null;
  const stream = { closed: false };
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  const close = (): void => {
    stream.closed = true;
    clearInterval(keepAlive);
    unsubscribe?.();
    openStreams.delete(close);
    if (!response.writableEnded) response.end();
  };
  unsubscribe = subscribe((event) => {
    if (!stream.closed) response.write(`data: ${JSON.stringify(event)}\n\n`);
  }, close);
  if (stream.closed) {
    // Ended while subscribing: the subscription it returned is over too.
    unsubscribe();
    return;
  }
  openStreams.add(close);
  response.on('close', close);
}

import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { contract, isCallName } from '#shared/api/contract.ts';
import type { CallSpec } from '#shared/api/define.ts';
import type { ApiErrorBody, CallOutcome } from '#shared/api/errors.ts';
import type { Core } from '../core.ts';
import { frameworkRefusals } from '../platform/framework-refusals.ts';
import { createLogger, describeError } from '../platform/logger.ts';
import { httpStatusFor } from './http-status.ts';
import { securityHeaders } from './security-headers.ts';
import { openEventStream } from './event-stream.ts';

const log = createLogger('web-host');

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** How large a call's body may be: the usual limit, or more for a call that carries a file. */
export function bodyLimitOf(name: string): number {
  if (!isCallName(name)) return BODY_LIMIT_BYTES;
  const spec: CallSpec = contract[name];
  return Math.max(BODY_LIMIT_BYTES, spec.maxBodyBytes ?? 0);
}

/** The calls that carry a file: each gets a route of its own, with its own limit. */
const callsWithLargeBodies = Object.keys(contract).filter((name) => bodyLimitOf(name) > BODY_LIMIT_BYTES);

function tooLarge(limit: number): ApiErrorBody {
  return limit > BODY_LIMIT_BYTES ? { code: 'VALIDATION', message: `The request is too large; the limit is ${String(Math.round(limit / 1024 / 1024))} MB.` } : { code: 'VALIDATION', message: `The request is too large; the limit is ${String(limit / 1024)} KB.` };
}

export type WebHostOptions = {
  readonly core: Core;
  /** The built renderer; without it the host serves the API only. */
  readonly rendererDir: string | null;
  readonly appVersion: string;
};

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  return match?.[1] ?? null;
}

function displayKeyOf(request: FastifyRequest): string {
  const header = request.headers['x-display-key'];
  return typeof header === 'string' ? header : '';
}

function sendError(reply: FastifyReply, status: number, error: ApiErrorBody): FastifyReply {
  const outcome: CallOutcome<never> = { ok: false, error };
  return reply.code(status).headers(securityHeaders).send(outcome);
}

/** Errors raised by Fastify itself, before a call reaches the core, in the same typed shape. */
function requestErrorBody(error: FastifyError, bodyLimit: number): { status: number; body: ApiErrorBody } {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: tooLarge(bodyLimit) };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: { code: 'VALIDATION', message: 'Calls must be sent as JSON (Content-Type: application/json).' } };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: { code: 'VALIDATION', message: 'The request has no body; send a JSON object.' } };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, body: { code: 'VALIDATION', message: 'The request body is not valid JSON.' } };
    default:
      if (error instanceof SyntaxError || error.statusCode === 400) {
        return { status: 400, body: { code: 'VALIDATION', message: 'The request body is not valid JSON.' } };
      }
      return { status: error.statusCode ?? 500, body: { code: 'INTERNAL', message: 'The request could not be handled.' } };
  }
}

/**
 * Calls come only from pages this host served: a request from another origin, or naming
 * another host (DNS rebinding), is refused before it reaches the core.
 */
function isSameOrigin(request: FastifyRequest, port: () => number): boolean {
  const host = request.headers.host ?? '';
  const allowedHosts = [`127.0.0.1:${port()}`, `localhost:${port()}`, `[::1]:${port()}`];
  if (!allowedHosts.includes(host)) return false;
  const origin = request.headers.origin;
  return origin === undefined || allowedHosts.some((allowed) => origin === `http://${allowed}`);
}

export async function createWebHost(options: WebHostOptions): Promise<FastifyInstance> {
  const { core } = options;
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT_BYTES,
    forceCloseConnections: true,
    // Fastify's own refusals of a malformed address or of what is not HTTP, in the typed shape too.
    ...frameworkRefusals({ body: ({ message }): CallOutcome<never> => ({ ok: false, error: { code: 'VALIDATION', message } }), headers: securityHeaders }),
  });
  const port = (): number => {
    const address = app.server.address();
    return typeof address === 'object' && address !== null ? address.port : 0;
  };
  const openStreams = new Set<() => void>();
  // JSON only: a plain-text body is how a page on another site would try a call without asking first.
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = requestErrorBody(error, request.routeOptions.bodyLimit);
    if (status >= 500) log.error('request failed', describeError(error));
    return sendError(reply, status, body);
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/') && !isSameOrigin(request, port)) {
      return sendError(reply, 403, { code: 'FORBIDDEN', message: 'Calls are accepted only from this workstation’s own pages.' });
    }
    return undefined;
  });

  app.addHook('preClose', (done) => {
    for (const close of openStreams) close();
    done();
  });

  app.get('/health', (_request, reply) => reply.headers(securityHeaders).send({ status: 'ok', service: 'web-host', version: options.appVersion }));

  const answerCall = async (name: string, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const outcome = await core.dispatch({ call: name, input: request.body, token: bearerToken(request) });
    const status = outcome.ok ? 200 : httpStatusFor[outcome.error.code];
    return reply.code(status).headers(securityHeaders).header('cache-control', 'no-store').send(outcome);
  };
  app.post<{ Params: { name: string } }>('/api/call/:name', async (request, reply) => answerCall(request.params.name, request, reply));
  // A call that carries a file has its own route (a fixed path wins over the parameter), so only it may send more.
  for (const name of callsWithLargeBodies) {
    const bodyLimit = bodyLimitOf(name);
    app.post(`/api/call/${name}`, { bodyLimit }, async (request, reply) => answerCall(name, request, reply));
  }

  app.get('/api/events', async (request, reply) => {
    const token = bearerToken(request);
    const check = await core.dispatch({ call: 'auth.session', input: {}, token });
    if (!check.ok || token === null) {
      return sendError(reply, 401, check.ok ? { code: 'UNAUTHENTICATED', message: 'Please sign in.' } : check.error);
    }
    openEventStream(reply, (send) => core.subscribe(token, send), openStreams);
    return reply;
  });

  // The waiting-room screen: read-only, opened by a display key instead of a session.
  const unknownScreen: ApiErrorBody = { code: 'NOT_FOUND', message: 'This screen’s link is unknown or was revoked; ask an administrator for a new one.' };
  app.get('/api/display/board', (request, reply) => {
    const board = core.queueBoard(displayKeyOf(request));
    if (board === null) return sendError(reply, 404, unknownScreen);
    return reply.code(200).headers(securityHeaders).header('cache-control', 'no-store').send(board);
  });
  app.get('/api/display/events', (request, reply) => {
    const key = displayKeyOf(request);
    if (core.queueBoard(key) === null) return sendError(reply, 404, unknownScreen);
    openEventStream(
      reply,
      (send, end) =>
        core.subscribeBoard(key, {
          changed: () => send({ type: 'board.changed' }),
          // A last word before the stream ends: the screen reads its board again and says the link was revoked.
          revoked: () => {
            send({ type: 'board.changed' });
            end();
          },
        }),
      openStreams,
    );
    return reply;
  });

  if (options.rendererDir !== null && existsSync(options.rendererDir)) {
    await app.register(fastifyStatic, {
      root: options.rendererDir,
      index: 'index.html',
      setHeaders: (res) => {
        for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      return sendError(reply, 404, { code: 'NOT_FOUND', message: 'There is no such address in this workstation’s API.' });
    }
    if (options.rendererDir !== null && request.method === 'GET') return reply.headers(securityHeaders).sendFile('index.html');
    return sendError(reply, 404, { code: 'NOT_FOUND', message: 'Not found.' });
  });

  return app;
}

import { Readable } from 'node:stream';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  enrolRequestSchema,
  leaseRequestSchema,
  PROTOCOL_HEADER,
  pullRequestSchema,
  pushRequestSchema,
  reportBlocksRequestSchema,
  snapshotPageRequestSchema,
  tableRangesRequestSchema,
  SYNC_PROTOCOL_VERSION,
  type HubErrorCode,
} from '#shared/sync/protocol.ts';
import { blobDownloadRequestSchema, blobUploadRequestSchema } from '#shared/sync/blobs.ts';
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextPath } from '#shared/domain/storable-text.ts';
import { frameworkRefusals } from '#core/platform/framework-refusals.ts';
import { createLogger, describeError } from '#core/platform/logger.ts';
import type { HubService } from './hub-service.ts';
import { RateLimiter, RecentKeys } from './rate-limit.ts';
import { HubError, hubErrors } from './sync/hub-errors.ts';
import { hashSecret } from './sync/devices.ts';

const log = createLogger('hub');

export const HUB_BODY_LIMIT_BYTES = 64 * 1024 * 1024;
const KEEP_ALIVE_MS = 20_000;

export type HubServerOptions = {
  readonly hub: HubService;
  readonly version: string;
  /** Required by the administration endpoints; only requests from this machine may use them. */
  readonly adminToken: string;
  /** The time the rate limits refill by; tests hold it still. */
  readonly now?: () => number;
};

function sendError(reply: FastifyReply, status: number, code: HubErrorCode, message: string): FastifyReply {
  return reply.code(status).send({ error: { code, message } });
}

/**
 * Sends an answer already written as JSON text, encoded once into bytes: given the text, Node
 * measures it for the length header and encodes it again to write it, which took 6.3-7.4 ms for
 * half a megabyte against 4.3-4.7 ms encoded first (measured on 127.0.0.1; a pull of 1,000 changes
 * is that size, a first sync's page five times it).
 */
function sendJsonText(reply: FastifyReply, text: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(Buffer.from(text, 'utf8'));
}

/** Past this, an answer's pieces go out one after the other rather than joined first. */
const JOIN_PIECES_UP_TO_BYTES = 64 * 1024;

/**
 * Sends an answer that is JSON in pieces of bytes. A large one goes out piece after piece: joining
 * half a megabyte copies it into new memory for nothing. A small one, the usual answer with
 * nothing new, is joined: a stream costs it more turns of the event loop than the copy.
 */
function sendJsonPieces(reply: FastifyReply, pieces: readonly Buffer[]): FastifyReply {
  const length = pieces.reduce((total, piece) => total + piece.length, 0);
  reply.type('application/json; charset=utf-8');
  if (length <= JOIN_PIECES_UP_TO_BYTES) return reply.send(Buffer.concat(pieces, length));
  return reply.header('content-length', String(length)).send(Readable.from(pieces, { objectMode: false }));
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header) : null;
  return match?.[1] ?? null;
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw hubErrors.badRequest(`The request is not valid${issue === undefined ? '' : `: ${issue.path.join('.') || 'body'} — ${issue.message}`}.`);
}

/**
 * The hub's HTTP face. Every refusal has a status and a sentence that says what to do; a
 * malformed body is refused before anything is read from the database, so it changes nothing.
 */
export async function createHubServer(options: HubServerOptions): Promise<FastifyInstance> {
  const { hub } = options;
  const app = Fastify({
    logger: false,
    bodyLimit: HUB_BODY_LIMIT_BYTES,
    forceCloseConnections: true,
    // Fastify's own refusals of a malformed address or of what is not HTTP, in the hub's shape too.
    ...frameworkRefusals({ body: ({ status, message }) => ({ error: { code: status === 414 || status === 431 ? 'TOO_LARGE' : 'BAD_REQUEST', message } satisfies { code: HubErrorCode; message: string } }) }),
  });
  app.removeContentTypeParser('text/plain');
  const limiter = new RateLimiter(100, 400, options.now);
  // Credentials the hub accepted lately, by hash. Only these draw on an allowance of their own:
  // any other request (none, a made-up or a revoked credential) draws on its address's, or each
  // made-up credential would bring a fresh allowance with it.
  const provenCredentials = new RecentKeys();
  const streams = new Set<{ clinics: readonly string[]; poke: () => void; close: () => void }>();

  const stopListening = await hub.onClinicChange((clinicId) => {
    for (const stream of streams) if (stream.clinics.includes(clinicId)) stream.poke();
  });

  app.setErrorHandler((error: FastifyError | HubError, _request, reply) => {
    if (error instanceof HubError) return sendError(reply, error.status, error.code, error.message);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 413, 'TOO_LARGE', `The request is larger than the hub accepts (${String(HUB_BODY_LIMIT_BYTES / 1024 / 1024)} MB); the workstation sends smaller batches.`);
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendError(reply, 415, 'BAD_REQUEST', 'Send requests as JSON (Content-Type: application/json).');
    if (error instanceof SyntaxError || error.statusCode === 400) return sendError(reply, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    log.error('hub request failed', describeError(error));
    return sendError(reply, 500, 'INTERNAL', 'The hub could not handle the request; the workstation will try again.');
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/sync/')) return undefined;
    const version = request.headers[PROTOCOL_HEADER];
    if (version !== String(SYNC_PROTOCOL_VERSION)) {
      return sendError(reply, 426, 'UPDATE_REQUIRED', `This workstation speaks sync protocol ${typeof version === 'string' ? version : 'unknown'}; this hub speaks ${String(SYNC_PROTOCOL_VERSION)}. Update Clinic Desk on the workstation (or the hub).`);
    }
    const credential = bearer(request);
    const proven = credential === null ? null : hashSecret(credential);
    if (!limiter.allow(proven !== null && provenCredentials.has(proven) ? `device:${proven}` : `address:${request.ip}`)) {
      return sendError(reply, 429, 'RATE_LIMITED', 'Too many requests from this workstation; it will slow down and try again.');
    }
    return undefined;
  });

  // Every /sync/ request but an enrolment checks its credential first: its answer says whether the credential holds.
  app.addHook('onResponse', (request, reply, done) => {
    const credential = bearer(request);
    if (credential !== null && request.url.startsWith('/sync/') && request.routeOptions.url !== '/sync/enrol') {
      if (reply.statusCode < 400) provenCredentials.remember(hashSecret(credential));
      else if (reply.statusCode === 401) provenCredentials.forget(hashSecret(credential));
    }
    done();
  });

  // Text the database cannot store would fail a request's query with a 500: refused first, for
  // every request but a push, whose changes are refused one transaction at a time instead.
  app.addHook('preValidation', (request, _reply, done) => {
    const path = request.routeOptions.url === '/sync/push' ? null : unstorableTextPath(request.body);
    done(path === null ? undefined : hubErrors.badRequest(`The request is not valid: ${path.join('.') || 'body'} — ${UNSTORABLE_TEXT_MESSAGE}`));
  });

  app.addHook('preClose', (done) => {
    for (const stream of streams) stream.close();
    void stopListening().finally(done);
  });

  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'NOT_FOUND', 'There is no such address at this hub, or not for this method.'));

  app.get('/health', (_request, reply) => reply.send({ status: 'ok', service: 'hub', version: options.version, storage: hub.db.kind, ...hub.identity() }));

  app.post('/sync/enrol', async (request) => hub.enrol(parse(enrolRequestSchema, request.body)));
  app.post('/sync/push', async (request) => {
    const { clinicsChanged: _changed, ...response } = await hub.push(bearer(request), parse(pushRequestSchema, request.body));
    return response;
  });
  app.post('/sync/pull', async (request, reply) => {
    const answer = await hub.pullJson(bearer(request), parse(pullRequestSchema, request.body));
    return sendJsonPieces(reply, answer);
  });
  app.post('/sync/snapshot/start', async (request) => hub.startSnapshot(bearer(request)));
  app.post('/sync/snapshot/page', async (request, reply) => {
    const page = await hub.snapshotPageText(bearer(request), parse(snapshotPageRequestSchema, request.body));
    // The rows arrive as JSON text from the database and go out as they are.
    return sendJsonText(reply, `{"columns":${page.columnsJson},"rows":${page.rowsJson},"clocks":${page.clocksJson},"next":${JSON.stringify(page.next)}}`);
  });
  app.post('/sync/digest', async (request) => hub.tableDigests(bearer(request)));
  app.post('/sync/digest/ranges', async (request) => hub.tableRanges(bearer(request), parse(tableRangesRequestSchema, request.body)));
  app.post('/sync/lease', async (request) => hub.lease(bearer(request), parse(leaseRequestSchema, request.body)));
  app.post('/sync/blocks', async (request) => {
    await hub.reportBlocks(bearer(request), parse(reportBlocksRequestSchema, request.body).blocks);
    return { recorded: true };
  });
  app.post('/sync/join-code', async (request) => hub.createJoinCode(bearer(request)));
  app.post('/sync/blobs/upload', async (request) => {
    await hub.uploadBlob(bearer(request), parse(blobUploadRequestSchema, request.body));
    return { stored: true };
  });
  app.post('/sync/blobs/download', async (request) => hub.downloadBlob(bearer(request), parse(blobDownloadRequestSchema, request.body)));

  app.get('/sync/events', async (request, reply) => {
    const clinics = await hub.clinicsOf(bearer(request));
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    const stream = {
      clinics,
      poke: () => response.write('data: {"type":"changed"}\n\n'),
      close: () => {
        clearInterval(keepAlive);
        streams.delete(stream);
        if (!response.writableEnded) response.end();
      },
    };
    streams.add(stream);
    response.on('close', stream.close);
  });

  // Administration, from this machine only (the hub's command line): enrolment codes for new
  // clinics, revoking a device, and marking the database as restored from a backup.
  const requireAdmin = (request: FastifyRequest): void => {
    const loopback = request.ip === '127.0.0.1' || request.ip === '::1' || request.ip === '::ffff:127.0.0.1';
    if (!loopback || request.headers['x-hub-admin-token'] !== options.adminToken) throw hubErrors.forbidden('Administration of the hub is only allowed from its own machine, with its admin token.');
  };
  app.post<{ Body: { clinicCode?: unknown; organizationOf?: unknown } }>('/admin/enrolment-codes', async (request) => {
    requireAdmin(request);
    const clinicCode = typeof request.body.clinicCode === 'string' ? request.body.clinicCode.trim().toUpperCase() : '';
    if (!/^[A-Z]{3}\d{2}$/.test(clinicCode)) throw hubErrors.badRequest('The clinic code must be three letters and two digits, such as ABC01.');
    const organizationOf = typeof request.body.organizationOf === 'string' ? request.body.organizationOf.trim().toUpperCase() : undefined;
    if (organizationOf !== undefined && !/^[A-Z]{3}\d{2}$/.test(organizationOf)) throw hubErrors.badRequest('Name the clinic whose organization the new clinic joins by its code, such as ABC01.');
    return hub.createEnrolmentCode({ clinicCode, clinicId: null, organizationOf });
  });
  app.post<{ Body: { deviceId?: unknown } }>('/admin/devices/revoke', async (request) => {
    requireAdmin(request);
    if (typeof request.body.deviceId !== 'string') throw hubErrors.badRequest('Name the device to revoke.');
    return { revoked: await hub.revoke(request.body.deviceId) };
  });
  app.post('/admin/restored', async (request) => {
    requireAdmin(request);
    return { epoch: await hub.raiseEpoch() };
  });

  return app;
}

import Fastify, { type FastifyInstance } from 'fastify';

export type HubOptions = { readonly dataDir: string; readonly version: string };

/**
 * The central hub. For now it answers its health check; the sync issue gives it PostgreSQL
 * (or PGlite in dataDir), enrolment and the change feed.
 */
export function createHubServer(options: HubOptions): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024, forceCloseConnections: true });
  app.get('/health', (_request, reply) => reply.send({ status: 'ok', service: 'hub', version: options.version, storage: 'none-yet' }));
  return app;
}

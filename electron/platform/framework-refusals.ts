import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/** A request refused before any route or error handler saw it: the status, and what was wrong in words. */
export type FrameworkRefusal = { readonly status: number; readonly message: string };

/** What a server answers a refusal with: its own error body, and the headers all its answers carry. */
export type RefusalShape = { readonly body: (refusal: FrameworkRefusal) => unknown; readonly headers?: Readonly<Record<string, string>> };

function refusalOfRoutingError(error: FastifyError): FrameworkRefusal {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return { status: 400, message: 'The address is not valid: a % in it must be followed by two hexadecimal digits that spell a character.' };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, message: 'The address is too long.' };
    default:
      return { status: 400, message: 'The request could not be routed.' };
  }
}

/** Node's own refusals of what is not HTTP at all (a bad request line, method or header), of too large headers, and of a request that took too long. */
function refusalOfClientError(error: NodeJS.ErrnoException): FrameworkRefusal {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, message: 'The request did not arrive in time.' };
  if (error.code === 'HPE_HEADER_OVERFLOW') return { status: 431, message: 'The request’s address or headers are too long.' };
  return { status: 400, message: 'The request is not valid HTTP.' };
}

/**
 * Fastify answers a few malformed requests itself, in its own shape: a bad percent-encoding or a
 * too long parameter in the address (before any hook or the error handler), and, through Node,
 * whatever is not HTTP at all or has too large headers (on the socket, before there is a request).
 * These options have the server answer them in its own shape instead, as it answers everything.
 */
export function frameworkRefusals(shape: RefusalShape): Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'> {
  const headers = shape.headers ?? {};
  return {
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const refusal = refusalOfRoutingError(error);
      void reply.code(refusal.status).headers(headers).send(shape.body(refusal));
    },
    clientErrorHandler: (error: NodeJS.ErrnoException, socket: Socket) => {
      // A reset connection, or an answer already on its way, leaves nothing to say.
      if (error.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten > 0) {
        socket.destroy();
        return;
      }
      const refusal = refusalOfClientError(error);
      const text = JSON.stringify(shape.body(refusal));
      const lines = [
        `HTTP/1.1 ${String(refusal.status)} ${STATUS_CODES[refusal.status] ?? ''}`,
        'content-type: application/json; charset=utf-8',
        `content-length: ${String(Buffer.byteLength(text))}`,
        'connection: close',
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      ];
      socket.end(`${lines.join('\r\n')}\r\n\r\n${text}`);
    },
  };
}

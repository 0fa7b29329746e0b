import { connect } from 'node:net';

/** A request written by hand, as no HTTP client would send it, and the status it must get. */
export type MalformedRequest = { readonly label: string; readonly text: string; readonly status: number };

/**
 * Requests the HTTP framework refuses before any route runs, or that reach no route: a server
 * must answer each in its own error shape, never in Fastify's. `route.path` is one of the server's
 * POST routes, `route.param` the start of a route that ends in a parameter (414 when the
 * parameter is too long; a server without one answers 404), `bodyLimit` its largest body.
 */
export function malformedRequests(port: number, route: { readonly path: string; readonly param: string; readonly longParamStatus: number }, bodyLimit: number, extraHeaders = ''): MalformedRequest[] {
  const headers = `Host: 127.0.0.1:${String(port)}\r\nConnection: close\r\n${extraHeaders}`;
  const post = (path: string, body: string, more = ''): string => `POST ${path} HTTP/1.1\r\n${headers}Content-Type: application/json\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\n${more}\r\n${body}`;
  return [
    { label: 'a 5,000-character name in the path', text: post(`${route.param}${'a'.repeat(5_000)}`, '{}'), status: route.longParamStatus },
    { label: 'a bad percent-encoding in the path', text: post(`${route.param}%E0%A4%A`, '{}'), status: 400 },
    { label: 'a percent sign without its digits', text: post(`${route.path}%zz`, '{}'), status: 400 },
    { label: 'an address of 20,000 characters', text: `GET /${'b'.repeat(20_000)} HTTP/1.1\r\n${headers}\r\n`, status: 431 },
    { label: 'a method HTTP does not have', text: `BREW ${route.path} HTTP/1.1\r\n${headers}\r\n`, status: 400 },
    { label: 'a method the route does not take', text: `DELETE ${route.path} HTTP/1.1\r\n${headers}\r\n`, status: 404 },
    { label: 'an address that is nothing', text: `GET /no/such/place HTTP/1.1\r\n${headers}\r\n`, status: 404 },
    { label: 'a request line that is not HTTP', text: 'HELLO THERE\r\n\r\n', status: 400 },
    { label: 'a length that is not a number', text: `POST ${route.path} HTTP/1.1\r\n${headers}Content-Type: application/json\r\nContent-Length: many\r\n\r\n{}`, status: 400 },
    { label: 'a body that is not JSON', text: post(route.path, '{"half'), status: 400 },
    { label: 'a body larger than allowed', text: `POST ${route.path} HTTP/1.1\r\n${headers}Content-Type: application/json\r\nContent-Length: ${String(bodyLimit + 1)}\r\n\r\n{}`, status: 413 },
    { label: 'a body that is not sent as JSON', text: post(route.path, 'a=b').replace('application/json', 'text/plain'), status: 415 },
  ];
}

function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Sends a request's text as it is and reads the answer's status and body, parsed as JSON when it is. */
export function sendRaw(port: number, text: string): Promise<{ status: number; body: unknown; raw: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = raw.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const bodyText = rest.join('\r\n\r\n');
      resolve({ status, body: parsedOrText(bodyText), raw });
    });
  });
}

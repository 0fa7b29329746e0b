import http from 'node:http';
import https from 'node:https';

export type HubAnswer = { readonly status: number; readonly text: string };

/**
 * Connections to the hub stay open between requests. A request through node:http costs about a
 * third of one through fetch (measured on 127.0.0.1 against Fastify: 0.2 against 0.6 ms a round
 * trip), and a workstation sends one on every local change, poke and timer.
 */
const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
} as const;

function sendOnce(url: URL, headers: Readonly<Record<string, string>>, body: Buffer, timeoutMs: number): Promise<HubAnswer> {
  const protocol = url.protocol === 'https:' ? 'https:' : url.protocol === 'http:' ? 'http:' : null;
  if (protocol === null) return Promise.reject(new Error(`a hub address starts with http: or https:, not ${url.protocol}`));
  const send = protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: 'POST', agent: agents[protocol], headers: { ...headers, 'content-length': String(body.length) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
      });
      response.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${String(timeoutMs)} ms`)), timeoutMs);
    request.on('error', (error: Error & { code?: string; reused?: boolean }) => {
      clearTimeout(timer);
      reject(Object.assign(error, { reused: request.reusedSocket }));
    });
    request.end(body);
  });
}

/**
 * Posts a JSON body and returns the status and the text of the answer. A connection the hub
 * closed while it sat idle fails before the hub reads anything; that request goes once more on
 * a new connection, as Node's documentation advises.
 */
export async function postToHub(address: string, headers: Readonly<Record<string, string>>, json: string, timeoutMs: number): Promise<HubAnswer> {
  const url = new URL(address);
  const body = Buffer.from(json, 'utf8');
  try {
    return await sendOnce(url, headers, body, timeoutMs);
  } catch (error) {
    const failure = error as { code?: string; reused?: boolean };
    if (failure.reused !== true || failure.code !== 'ECONNRESET') throw error;
    return sendOnce(url, headers, body, timeoutMs);
  }
}

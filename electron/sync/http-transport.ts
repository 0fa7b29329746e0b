import { z } from 'zod';
import {
  enrolmentCodeResponseSchema,
  enrolResponseSchema,
  hubErrorSchema,
  leaseResponseSchema,
  PROTOCOL_HEADER,
  pullResponseSchema,
  pushResponseSchema,
  snapshotPageResponseSchema,
  snapshotStartResponseSchema,
  tableDigestsResponseSchema,
  tableRangesResponseSchema,
  SYNC_PROTOCOL_VERSION,
} from '#shared/sync/protocol.ts';
import { blobDownloadResponseSchema, blobUploadResponseSchema } from '#shared/sync/blobs.ts';
import { postToHub, type HubAnswer } from './hub-request.ts';
import { pushRequestText } from './outbox.ts';
import { HubRefusal, HubUnavailable, type HubTransport } from './transport.ts';

const REQUEST_TIMEOUT_MS = 30_000;
const POKE_RETRY_MS = 3_000;

function endpoint(base: string, path: string): string {
  return new URL(path, base.endsWith('/') ? base : `${base}/`).toString();
}

async function request<T>(base: string, path: string, body: unknown, schema: z.ZodType<T>, credential: string | null): Promise<T> {
  return requestText(base, path, JSON.stringify(body), schema, credential);
}

/** A request whose body is JSON text already. */
async function requestText<T>(base: string, path: string, bodyText: string, schema: z.ZodType<T>, credential: string | null): Promise<T> {
  let answer: HubAnswer;
  try {
    answer = await postToHub(
      endpoint(base, path),
      {
        'content-type': 'application/json',
        [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION),
        ...(credential === null ? {} : { authorization: `Bearer ${credential}` }),
      },
      bodyText,
      REQUEST_TIMEOUT_MS,
    );
  } catch {
    throw new HubUnavailable('The hub cannot be reached; changes wait on this workstation and go up when it is back.');
  }
  const payload = parsedOrNull(answer.text);
  if (answer.status >= 200 && answer.status < 300) {
    const parsed = schema.safeParse(payload);
    if (parsed.success) return parsed.data;
    throw new HubRefusal('BAD_REQUEST', 'The hub answered in a form this version does not understand; update the app.', answer.status);
  }
  const refusal = hubErrorSchema.safeParse(payload);
  const message = refusal.success ? refusal.data.error.message : `The hub answered ${String(answer.status)}.`;
  if (answer.status >= 500 || answer.status === 429 || answer.status === 408) throw new HubUnavailable(message);
  throw new HubRefusal(refusal.success ? refusal.data.error.code : 'BAD_REQUEST', message, answer.status);
}

function parsedOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Reads the hub's server-sent pokes; any event means "pull now". */
function subscribe(base: string, credential: string, onPoke: () => void, onConnected: (connected: boolean) => void): () => void {
  const controller = new AbortController();
  const stopped = (): boolean => controller.signal.aborted;
  const run = async (): Promise<void> => {
    while (!stopped()) {
      try {
        const response = await fetch(endpoint(base, 'sync/events'), { headers: { authorization: `Bearer ${credential}`, [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) }, signal: controller.signal });
        if (!response.ok || response.body === null) throw new Error('no stream');
        onConnected(true);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const chunk = await reader.read();
          if (chunk.done) break;
          if (chunk.value.includes('data:')) onPoke();
        }
      } catch {
        // The hub went away; fall through to waiting and trying again.
      }
      onConnected(false);
      if (stopped()) return;
      await new Promise((resolve) => setTimeout(resolve, POKE_RETRY_MS));
    }
  };
  void run();
  return () => controller.abort();
}

export function httpTransport(baseUrl: string): HubTransport {
  return {
    enrol: (body) => request(baseUrl, 'sync/enrol', body, enrolResponseSchema, null),
    push: (credential, push) => requestText(baseUrl, 'sync/push', pushRequestText(push), pushResponseSchema, credential),
    pull: (credential, body) => request(baseUrl, 'sync/pull', body, pullResponseSchema, credential),
    startSnapshot: (credential) => request(baseUrl, 'sync/snapshot/start', {}, snapshotStartResponseSchema, credential),
    snapshotPage: (credential, body) => request(baseUrl, 'sync/snapshot/page', body, snapshotPageResponseSchema, credential),
    tableDigests: (credential) => request(baseUrl, 'sync/digest', {}, tableDigestsResponseSchema, credential),
    tableRanges: (credential, body) => request(baseUrl, 'sync/digest/ranges', body, tableRangesResponseSchema, credential),
    lease: (credential, body) => request(baseUrl, 'sync/lease', body, leaseResponseSchema, credential),
    reportBlocks: async (credential, blocks) => {
      await request(baseUrl, 'sync/blocks', { blocks }, z.object({ recorded: z.literal(true) }), credential);
    },
    createJoinCode: (credential) => request(baseUrl, 'sync/join-code', {}, enrolmentCodeResponseSchema, credential),
    uploadBlob: async (credential, body) => {
      await request(baseUrl, 'sync/blobs/upload', body, blobUploadResponseSchema, credential);
    },
    downloadBlob: (credential, body) => request(baseUrl, 'sync/blobs/download', body, blobDownloadResponseSchema, credential),
    subscribe: (credential, onPoke, onConnected) => subscribe(baseUrl, credential, onPoke, onConnected),
  };
}

import { serverEventSchema, type ServerEvent } from '#shared/api/events.ts';

/**
 * Reads server-sent events through fetch rather than EventSource, because EventSource cannot
 * send the Authorization header and the token must not travel in a URL.
 */
export async function readEventStream(response: Response, onEvent: (event: ServerEvent) => void): Promise<void> {
  const body = response.body;
  if (body === null) return;
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let boundary = buffer.indexOf('\n\n');
    while (boundary !== -1) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      if (data !== '') {
        const parsed = serverEventSchema.safeParse(JSON.parse(data));
        if (parsed.success) onEvent(parsed.data);
      }
      boundary = buffer.indexOf('\n\n');
    }
  }
}

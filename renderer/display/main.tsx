import './display.css';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { queueBoardSchema, type QueueBoard } from '#shared/modules/queue/calls.ts';
import { readEventStream } from '../api/sse-reader.ts';
import { DisplayBoard } from './DisplayBoard.tsx';

const POLL_MS = 15_000;
const RECONNECT_MS = 2_000;

/** The key comes in the address's fragment, which the browser never sends to any server log. */
const key = new URLSearchParams(window.location.hash.slice(1)).get('key') ?? '';

async function fetchBoard(): Promise<QueueBoard | string> {
  const response = await fetch('api/display/board', { headers: { 'x-display-key': key } });
  if (!response.ok) return 'This screen’s link is unknown or was revoked. Ask an administrator for a new one.';
  const parsed = queueBoardSchema.safeParse(await response.json());
  return parsed.success ? parsed.data : 'The queue could not be read.';
}

/** Redraws on every change the host announces, and polls as a safety net when the stream drops. */
function DisplayApp() {
  const [board, setBoard] = useState<QueueBoard | string>('Connecting…');
  useEffect(() => {
    let stopped = false;
    const refresh = (): void => {
      fetchBoard().then(
        (next) => !stopped && setBoard(next),
        () => !stopped && setBoard('Cannot reach the clinic’s workstation; retrying…'),
      );
    };
    const listen = async (): Promise<void> => {
      while (!stopped) {
        try {
          const response = await fetch('api/display/events', { headers: { 'x-display-key': key } });
          if (response.status === 404) return;
          refresh();
          await readEventStream(response, refresh);
        } catch {
          // The workstation restarted or the network blinked.
        }
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
      }
    };
    refresh();
    void listen();
    const timer = window.setInterval(refresh, POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, []);
  return typeof board === 'string' ? <p className="notice">{board}</p> : <DisplayBoard board={board} />;
}

const root = document.getElementById('display');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <DisplayApp />
    </StrictMode>,
  );
}

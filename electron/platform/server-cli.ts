import { parseArgs } from 'node:util';
import { defaultUserDataDir } from './paths.ts';

export type ServerArgs = { readonly port: number; readonly dataDir: string; readonly demo: boolean };

export class UsageError extends Error {}

/** `--port N --data-dir DIR [--demo]`, shared by the web host, the hub and the desktop launcher. */
export function parseServerArgs(argv: readonly string[], defaultPort: number, defaultDataDir = defaultUserDataDir()): ServerArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        demo: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : 'Unrecognised arguments.');
  }
  const portText = values.port ?? String(defaultPort);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535 (0 picks a free port); got "${portText}".`);
  }
  const dataDir = values['data-dir'] ?? defaultDataDir;
  if (dataDir.trim() === '') throw new UsageError('--data-dir must name a folder.');
  return { port, dataDir, demo: values.demo };
}

/** Stops cleanly on SIGTERM and SIGINT: the stop function runs once, then the process exits. */
const PARENT_CHECK_MS = 1000;

/**
 * Stops cleanly on Ctrl+C and on a stop signal, and when the process that started this one ends
 * (npm passes no signal on to the server when it is stopped, so the server would live on
 * unseen, holding its port and its database).
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (): void => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent) handler();
  }, PARENT_CHECK_MS);
  watch.unref();
}

export function isAddressInUse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EADDRINUSE';
}

import { DatabaseRefusedError } from '../db/migration-plan.ts';
import { packageVersion } from '../platform/package-info.ts';
import { parseServerArgs, stopOnSignals, UsageError } from '../platform/server-cli.ts';
import { ensureRendererBuilt } from './renderer-build.ts';
import { runWebHost } from './run-web-host.ts';

// `npm run web -- --port N --data-dir DIR [--demo]`: the app in a browser, without Electron.

const DEFAULT_PORT = 5190;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const args = parseServerArgs(process.argv.slice(2), DEFAULT_PORT);
  const rendererDir = await ensureRendererBuilt(say);
  const host = await runWebHost({ ...args, rendererDir, appVersion: packageVersion(), say });
  stopOnSignals(host.stop);
  say(`Clinic Desk is ready at ${host.url} (data folder: ${args.dataDir})`);
}

main().catch((error: unknown) => {
  const known = error instanceof UsageError || error instanceof DatabaseRefusedError || (error instanceof Error && error.message.startsWith('Port '));
  process.stderr.write(`${known && error instanceof Error ? error.message : 'The web host could not start; see the log above.'}\n`);
  if (!known) process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});

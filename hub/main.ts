import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageVersion } from '#core/platform/package-info.ts';
import { defaultUserDataDir } from '#core/platform/paths.ts';
import { isAddressInUse, parseServerArgs, stopOnSignals, UsageError } from '#core/platform/server-cli.ts';
import { createHubServer } from './server.ts';

// `npm run hub -- --port N --data-dir DIR`

const DEFAULT_PORT = 5290;

async function main(): Promise<void> {
  const args = parseServerArgs(process.argv.slice(2), DEFAULT_PORT, join(defaultUserDataDir(), 'hub'));
  mkdirSync(args.dataDir, { recursive: true });
  const app = createHubServer({ dataDir: args.dataDir, version: packageVersion() });
  try {
    await app.listen({ host: '127.0.0.1', port: args.port });
  } catch (error) {
    if (isAddressInUse(error)) throw new UsageError(`Port ${args.port} is already in use; choose another with --port.`);
    throw error;
  }
  stopOnSignals(() => app.close());
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : args.port;
  process.stdout.write(`Clinic Desk hub is ready at http://127.0.0.1:${port} (data folder: ${args.dataDir})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof UsageError ? error.message : `The hub could not start: ${error instanceof Error ? error.message : String(error)}`}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});

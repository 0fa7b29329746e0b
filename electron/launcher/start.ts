import { spawn } from 'node:child_process';
import { DatabaseRefusedError } from '../db/migration-plan.ts';
import { packageVersion } from '../platform/package-info.ts';
import { repositoryRoot } from '../platform/paths.ts';
import { isAddressInUse, parseServerArgs, stopOnSignals, UsageError } from '../platform/server-cli.ts';
import { ensureRendererBuilt } from '../web/renderer-build.ts';
import { runWebHost } from '../web/run-web-host.ts';
import { bundleElectron } from './bundle-electron.ts';
import { findElectronBinary, hasDisplay } from './electron-runtime.ts';

// `npm start [-- --demo]`: the desktop app where Electron's runtime is installed, else the same
// app through the web host, said in one plain sentence.

const PREFERRED_PORT = 5190;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function startDesktop(binary: string, argv: readonly string[]): Promise<void> {
  await ensureRendererBuilt(say);
  await bundleElectron();
  const child = spawn(binary, [repositoryRoot, ...argv], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function startWeb(reason: string, argv: readonly string[]): Promise<void> {
  const args = parseServerArgs(argv, PREFERRED_PORT);
  say(`${reason}, so Clinic Desk is starting as a web app on this computer instead.`);
  const rendererDir = await ensureRendererBuilt(say);
  const start = { ...args, rendererDir, appVersion: packageVersion(), say };
  const host = await runWebHost(start).catch(async (error: unknown) => {
    if (argv.includes('--port') || !(error instanceof Error && isAddressInUse(error.cause))) throw error;
    say(`Port ${String(PREFERRED_PORT)} is taken (perhaps Clinic Desk is already running), so this one uses another port.`);
    return runWebHost({ ...start, port: 0 });
  });
  stopOnSignals(host.stop);
  say(`Open ${host.url} in your web browser (data folder: ${args.dataDir}). Press Ctrl+C to stop.`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const binary = findElectronBinary();
  if (binary === null) {
    await startWeb('The Electron runtime is not installed on this machine (its download was skipped or failed)', argv);
  } else if (!hasDisplay()) {
    await startWeb('There is no display to open a desktop window on', argv);
  } else {
    await startDesktop(binary, argv);
  }
}

main().catch((error: unknown) => {
  const plain = error instanceof UsageError || error instanceof DatabaseRefusedError || (error instanceof Error && error.message.startsWith('Port '));
  process.stderr.write(`${plain && error instanceof Error ? error.message : 'Clinic Desk could not start.'}\n`);
  if (!plain) process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot, sourcePaths } from '../platform/paths.ts';

const STAMP = 'index.html';
const SOURCE_FOLDERS = ['renderer', 'shared'];

function newestSourceMs(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Whether dist/renderer is missing or older than any renderer or shared source file. */
export function rendererBuildIsStale(): boolean {
  const stamp = join(sourcePaths.rendererDist, STAMP);
  if (!existsSync(stamp)) return true;
  const builtMs = statSync(stamp).mtimeMs;
  return SOURCE_FOLDERS.some((folder) => newestSourceMs(join(repositoryRoot, folder)) > builtMs);
}

/** What a person is told while the screens are built: the first time, or after the sources changed. */
export function buildingSentence(firstTime: boolean): string {
  return firstTime ? 'Preparing the screens for their first use (a minute or two)…' : 'Preparing the screens again after an update…';
}

/** Builds the screens when running from source and they are missing or out of date. */
export async function ensureRendererBuilt(onBuild: (sentence: string) => void): Promise<string> {
  if (rendererBuildIsStale()) {
    onBuild(buildingSentence(!existsSync(join(sourcePaths.rendererDist, STAMP))));
    const vite = await import('vite');
    // The bundle people get, whoever builds it: under a test runner NODE_ENV is 'test', and vite
    // would then bundle React's development build.
    const nodeEnv = process.env['NODE_ENV'];
    process.env['NODE_ENV'] = 'production';
    try {
      // Silent: the builder's progress line and size table mean nothing to a receptionist; a
      // failure still throws and is reported by the caller.
      await vite.build({ configFile: join(repositoryRoot, 'renderer', 'vite.config.ts'), logLevel: 'silent' });
    } finally {
      if (nodeEnv === undefined) delete process.env['NODE_ENV'];
      else process.env['NODE_ENV'] = nodeEnv;
    }
  }
  return sourcePaths.rendererDist;
}

import { build } from 'esbuild';
import { join } from 'node:path';
import { repositoryRoot, sourcePaths } from '../platform/paths.ts';

/**
 * Bundles the Electron entry points. Main is ESM with node_modules left outside (electron-builder
 * ships the production dependencies); the preload is CommonJS because sandboxed preloads must be.
 */
export async function bundleElectron(): Promise<void> {
  const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning', absWorkingDir: repositoryRoot } as const;
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(repositoryRoot, 'electron', 'main.ts')],
      outfile: join(sourcePaths.electronDist, 'main.mjs'),
      format: 'esm',
      packages: 'external',
    }),
    build({
      ...common,
      entryPoints: [join(repositoryRoot, 'electron', 'preload.ts')],
      outfile: join(sourcePaths.electronDist, 'preload.cjs'),
      format: 'cjs',
      external: ['electron'],
    }),
  ]);
}

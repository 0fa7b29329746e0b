import { bundleElectron } from './bundle-electron.ts';
import { ensureRendererBuilt } from '../web/renderer-build.ts';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sourcePaths } from '../platform/paths.ts';

// `npm run build`: the renderer and the Electron bundles, from scratch.
rmSync(join(sourcePaths.rendererDist, 'index.html'), { force: true });
await ensureRendererBuilt((sentence) => process.stdout.write(`${sentence}\n`));
process.stdout.write('Bundling the Electron main process and preload…\n');
await bundleElectron();
process.stdout.write('Build complete: dist/renderer and dist/electron.\n');

import { bundleElectron } from '#core/launcher/bundle-electron.ts';
import { ensureRendererBuilt } from '#core/web/renderer-build.ts';
import { ensureChromium } from './ensure-chromium.ts';

/** The end-to-end suite drives the built renderer, as a user gets it. */
export async function setup(): Promise<void> {
  ensureChromium();
  await ensureRendererBuilt(() => undefined);
  await bundleElectron();
}

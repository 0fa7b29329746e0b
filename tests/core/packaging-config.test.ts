import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '#core/platform/paths.ts';

// Packaging cannot run here (it needs Electron's runtime), so its configuration is checked
// against electron-builder's own schema, and the promises the issue makes are pinned.
describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema and packs what the app needs', async () => {
    const config = await getConfig(repositoryRoot, join(repositoryRoot, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toBe('org.clinicdesk.app');
    expect(config.productName).toBe('Clinic Desk');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    for (const pattern of ['dist/electron/**', 'dist/renderer/**', 'migrations/sqlite/**']) expect(JSON.stringify(config.files)).toContain(pattern);
    expect(existsSync(join(repositoryRoot, 'build', 'icon.png'))).toBe(true);
    // The schema check is real: a misspelt option is refused.
    await expect(validateConfiguration({ ...config, linux: { ...config.linux, targte: 'deb' } as never }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object/);
  });

  it('names the bundled main process as the package entry point', () => {
    const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(manifest.main).toBe('dist/electron/main.mjs');
    // Runtime modules of the main process must be production dependencies, or the package lacks them.
    for (const runtime of ['better-sqlite3', 'drizzle-orm', 'zod', 'fastify', '@node-rs/argon2', 'uuid']) expect(manifest.dependencies).toHaveProperty(runtime);
    expect(manifest.devDependencies).toHaveProperty('electron');
  });
});

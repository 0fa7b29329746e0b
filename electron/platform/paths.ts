import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PRODUCT_NAME = 'Clinic Desk';

/** The repository root when the core runs from source (tsx, vitest); Electron passes its own paths. */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

export const sourcePaths = {
  sqliteMigrations: join(repositoryRoot, 'migrations', 'sqlite'),
  rendererDist: join(repositoryRoot, 'dist', 'renderer'),
  electronDist: join(repositoryRoot, 'dist', 'electron'),
};

/**
 * The folder Electron would use as userData, so the desktop app and its web fallback share one
 * clinic database. CLINIC_DATA_DIR overrides it.
 */
export function defaultUserDataDir(): string {
  const override = process.env['CLINIC_DATA_DIR'];
  if (override !== undefined && override !== '') return override;
  const home = homedir();
  if (process.platform === 'win32') return join(process.env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(process.env['XDG_CONFIG_HOME'] ?? join(home, '.config'), PRODUCT_NAME);
}

export function databaseFileIn(dataDir: string): string {
  return join(dataDir, 'clinic.sqlite');
}

export function backupsDirIn(dataDir: string): string {
  return join(dataDir, 'backups');
}

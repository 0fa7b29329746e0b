import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** Where a running hub tells its own command line how to reach it: address and admin token. */
const ADMIN_FILE = 'hub-admin.json';
const adminFileSchema = z.object({ url: z.string(), token: z.string() });

export function writeAdminFile(dataDir: string, url: string, token: string): void {
  const file = join(dataDir, ADMIN_FILE);
  writeFileSync(file, JSON.stringify({ url, token }), { mode: 0o600 });
  chmodSync(file, 0o600);
}

export function readAdminFile(dataDir: string): { url: string; token: string } | null {
  const file = join(dataDir, ADMIN_FILE);
  if (!existsSync(file)) return null;
  const parsed = adminFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : null;
}

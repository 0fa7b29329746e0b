import { describe } from 'vitest';
import type { HubKind } from './hub-harness.ts';
import { noPostgresReason, postgresUrl } from './postgres.ts';

const HUB_KINDS: readonly HubKind[] = ['pglite', 'postgres'];

/**
 * Declares a suite once per hub database. Without a PostgreSQL the PostgreSQL suite is still
 * declared, and skipped under a title that says why, so the report counts what did not run.
 */
export function describeEachHubKind(title: string, body: (kind: HubKind) => void): void {
  for (const kind of HUB_KINDS) {
    const missing = kind === 'postgres' && postgresUrl === null;
    const name = title.replace('%s', kind) + (missing ? ` (skipped: ${noPostgresReason})` : '');
    describe.skipIf(missing)(name, () => body(kind));
  }
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export type ShippedMigration = {
  readonly tag: string;
  readonly checksum: string;
  readonly statements: readonly string[];
};

const journalSchema = z.object({
  entries: z.array(z.object({ idx: z.number(), tag: z.string() })),
});

/** Reads drizzle-kit's journal for the order and each SQL file for its statements. */
export function readShippedMigrations(migrationsDir: string): ShippedMigration[] {
  const journal = journalSchema.parse(JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')));
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => {
      const sql = readFileSync(join(migrationsDir, `${tag}.sql`), 'utf8');
      return {
        tag,
        checksum: createHash('sha256').update(sql).digest('hex'),
        statements: sql
          .split('--> statement-breakpoint')
          .map((statement) => statement.trim())
          .filter((statement) => statement.length > 0),
      };
    });
}

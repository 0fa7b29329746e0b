import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { lastCheckSchema } from '#shared/api/calls/sync.ts';
import type { Db } from '../db/database.ts';
import { SYNC_SETTING_KEYS, type SyncSettingKey } from '../db/local-meta.ts';
import { prepared } from '../db/prepared.ts';
import { localMeta } from '../db/schema/index.ts';

// This workstation's link to its hub, kept in the main process's database: the renderer never
// sees the credential.

/** How far a first sync got: the table and key it reached, and rows done of rows to load. */
export const bootstrapProgressSchema = z.object({
  /**
   * The table being loaded, null once all are. The upload order is derived from the modules'
   * tables, so a place in it is not kept: an older version's number counts as no place at all.
   */
  table: z.union([z.string(), z.null(), z.number().int().nonnegative()]),
  after: z.string().nullable(),
  cursor: z.string().nullable(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type BootstrapProgress = z.infer<typeof bootstrapProgressSchema>;

/** A stored setting this version cannot read, raised where its content is needed. */
export class UnreadableSetting extends Error {}

export type SyncSettings = {
  readonly hubUrl: string;
  readonly credential: string;
  readonly hubId: string;
  readonly epoch: number;
  /** The greatest hub position seen: a smaller one later means the hub went back in time. */
  readonly position: string | null;
  readonly clinicId: string;
  readonly workstationNumber: number;
  readonly cursor: string | null;
  readonly lastSyncAt: string | null;
  readonly lastError: string | null;
  /**
   * Set while a first sync is under way: where it got, to resume after a restart. Progress that
   * cannot be read still means a first sync is under way, one that cannot go on: it is kept as
   * the error to raise, not taken for no first sync at all.
   */
  readonly bootstrapProgress: BootstrapProgress | UnreadableSetting | null;
  /** The last comparison with the hub (SYNC.md §10): when, and what it set right. */
  readonly lastCheck: LastCheck | null;
};

export type LastCheck = z.infer<typeof lastCheckSchema>;

/** A stored comparison that is not what this version writes counts as none. */
function parseLastCheck(text: string | undefined): LastCheck | null {
  if (text === undefined) return null;
  try {
    const parsed = lastCheckSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function parseBootstrapProgress(text: string | undefined): BootstrapProgress | UnreadableSetting | null {
  if (text === undefined) return null;
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return new UnreadableSetting('The first sync\'s saved progress is not JSON.');
  }
  const parsed = bootstrapProgressSchema.safeParse(stored);
  return parsed.success ? parsed.data : new UnreadableSetting(`The first sync's saved progress cannot be read: ${z.prettifyError(parsed.error)}`);
}

function prepareStatements(db: Db) {
  return {
    readAll: db.select().from(localMeta).where(inArray(localMeta.key, [...SYNC_SETTING_KEYS])).prepare(),
    upsert: db
      .insert(localMeta)
      .values({ key: sql.placeholder('key'), value: sql.placeholder('value') })
      .onConflictDoUpdate({ target: localMeta.key, set: { value: sql`excluded.value` } })
      .prepare(),
    remove: db
      .delete(localMeta)
      .where(eq(localMeta.key, sql.placeholder('key')))
      .prepare(),
  };
}

/** Read and written several times by every sync, even one with nothing to do: prepared once per database. */
const statementsFor = (db: Db): ReturnType<typeof prepareStatements> => prepared(db, 'sync.settings', prepareStatements);

function readAll(db: Db): Map<SyncSettingKey, string> {
  const rows = statementsFor(db).readAll.all();
  // The query asks for these keys only.
  return new Map(rows.map((row) => [row.key as SyncSettingKey, row.value]));
}

/** The hub link, or null while standalone. */
export function readSyncSettings(db: Db): SyncSettings | null {
  const values = readAll(db);
  const hubUrl = values.get('hub_url');
  const credential = values.get('hub_credential');
  const clinicId = values.get('hub_clinic_id');
  if (hubUrl === undefined || credential === undefined || clinicId === undefined) return null;
  return {
    hubUrl,
    credential,
    hubId: values.get('hub_id') ?? '',
    epoch: Number(values.get('hub_epoch') ?? '0'),
    position: values.get('hub_position') ?? null,
    clinicId,
    workstationNumber: Number(values.get('hub_workstation') ?? '1'),
    cursor: values.get('sync_cursor') ?? null,
    lastSyncAt: values.get('last_sync_at') ?? null,
    lastError: values.get('last_error') ?? null,
    bootstrapProgress: parseBootstrapProgress(values.get('bootstrap_progress')),
    lastCheck: parseLastCheck(values.get('last_check')),
  };
}

export function writeSetting(db: Db, key: SyncSettingKey, value: string | null): void {
  if (value === null) statementsFor(db).remove.run({ key });
  else statementsFor(db).upsert.run({ key, value });
}

/** Spreadsheet-style letters for workstation numbers: 1 A, 2 B … 26 Z, 27 AA. */
export function seriesLetterFor(workstationNumber: number): string {
  let remaining = workstationNumber;
  let letters = '';
  while (remaining > 0) {
    const index = (remaining - 1) % 26;
    letters = String.fromCharCode(65 + index) + letters;
    remaining = Math.floor((remaining - 1) / 26);
  }
  return letters;
}

import { eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { lastCheckSchema } from '#shared/api/calls/sync.ts';
import type { Db } from '../db/database.ts';
import { prepared } from '../db/prepared.ts';
import { localMeta } from '../db/schema/index.ts';

// This workstation's link to its hub, kept in the main process's database: the renderer never
// sees the credential.

const KEYS = ['hub_url', 'hub_credential', 'hub_id', 'hub_epoch', 'hub_position', 'hub_clinic_id', 'hub_workstation', 'sync_cursor', 'last_sync_at', 'last_error', 'bootstrap_progress', 'last_check'] as const;
type Key = (typeof KEYS)[number];

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
  /** Set while a first sync is under way: the table and key it reached, to resume after a restart. */
  readonly bootstrapProgress: string | null;
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

function prepareStatements(db: Db) {
  return {
    readAll: db.select().from(localMeta).where(inArray(localMeta.key, [...KEYS])).prepare(),
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

function readAll(db: Db): Map<Key, string> {
  const rows = statementsFor(db).readAll.all();
  return new Map(rows.map((row) => [row.key as Key, row.value]));
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
    bootstrapProgress: values.get('bootstrap_progress') ?? null,
    lastCheck: parseLastCheck(values.get('last_check')),
  };
}

export function writeSetting(db: Db, key: Key, value: string | null): void {
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

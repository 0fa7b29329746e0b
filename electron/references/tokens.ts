import type { ClinicId } from '#shared/domain/ids.ts';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { readMetaWith } from '../db/local-meta.ts';
import { tokenCounters } from '../db/schema/index.ts';

export const DEFAULT_TOKEN_SERIES = 'A';

/**
 * This workstation's token letter. Each workstation of a clinic has its own (the first one A,
 * the hub gives the next ones B, C… at enrolment), so desks handing out tokens offline never
 * hand out the same one.
 */
export function tokenSeriesOf(db: Db): string {
  return readMetaWith(db, 'token_series') ?? DEFAULT_TOKEN_SERIES;
}

/** The next token of the day for this workstation: A1, A2… */
export function nextToken(db: Db, clinicId: ClinicId, serviceDate: string): { token: string; series: string; number: number } {
  const series = tokenSeriesOf(db);
  const key = `${clinicId}:${serviceDate}:${series}`;
  const number =
    db
      .insert(tokenCounters)
      .values({ key, lastNumber: 1 })
      .onConflictDoUpdate({ target: tokenCounters.key, set: { lastNumber: sql`${tokenCounters.lastNumber} + 1` } })
      .returning({ lastNumber: tokenCounters.lastNumber })
      .get().lastNumber;
  return { token: `${series}${number}`, series, number };
}

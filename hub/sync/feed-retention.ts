import type { HubQueries } from '../db/hub-db.ts';

/**
 * How long the feed keeps an entry. Workstations that sync read it within minutes; one away for
 * longer finds its position gone, reads what is left, and the comparison that follows
 * (SYNC.md §10) brings it the rest from the mirror, as after a hub restored from a backup. A
 * joining workstation never needs the feed's past: it starts from the mirror.
 */
export const FEED_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** How often a serving hub lets go of old entries. */
export const FEED_PRUNE_INTERVAL_MS = 60 * 60 * 1000;

/** Deletes the entries written before the retention period; returns how many went. */
export async function pruneFeed(db: HubQueries, nowMs: number): Promise<number> {
  const gone = await db.query<{ count: string }>(
    `with gone as (delete from hub_feed where written_at < to_timestamp($1::double precision / 1000) returning 1) select count(*)::text as count from gone`,
    [nowMs - FEED_RETENTION_MS],
  );
  return Number(gone[0]?.count ?? '0');
}

import type { HybridClock } from '#shared/sync/hlc.ts';
import type { HubDb } from '../db/hub-db.ts';
import type { MirrorCatalog } from './catalog.ts';
import type { RecentFeedEntries } from './recent-feed.ts';

/**
 * What every sync request shares within one hub process, built once by HubService: the
 * database, the mirror tables as they are in it, the hub's clock, the feed entries this process
 * wrote lately, and the time. What belongs to one request (the device, what it asked) is passed
 * beside it. Each part of the sync takes the whole context or names the parts it reads.
 */
export type HubSyncContext = {
  readonly db: HubDb;
  readonly catalog: MirrorCatalog;
  readonly clock: HybridClock;
  readonly recentFeed: RecentFeedEntries;
  /** The hub's wall time in milliseconds (a test's own clock in the simulation). */
  readonly now: () => number;
};

/** What a read of the mirror tables needs: the database and which columns each table has there. */
export type MirrorSource = Pick<HubSyncContext, 'db' | 'catalog'>;

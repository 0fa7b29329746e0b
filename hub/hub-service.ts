import { join } from 'node:path';
import { registerSharedModules } from '#shared/modules/registry.ts';
import { HybridClock } from '#shared/sync/hlc.ts';
import type { BlobDownload, BlobUploadRequest } from '#shared/sync/blobs.ts';
import type { EnrolRequest, EnrolResponse, FeedChange, HubIdentity, PushRequest, PushResponse, SnapshotPage } from '#shared/sync/protocol.ts';
import type { RangeDigest, TableDigest } from '#shared/sync/digest.ts';
import { repositoryRoot } from '#core/platform/paths.ts';
import { openPglite, openPostgres, type HubDb } from './db/hub-db.ts';
import { migrateHub } from './db/migrate.ts';
import { readMirrorCatalog, type MirrorCatalog } from './sync/catalog.ts';
import type { HubSyncContext } from './sync/context.ts';
import { fetchBlob, storeBlob } from './sync/blobs.ts';
import { authenticateDevice, createEnrolmentCode, enrolDevice, revokeDevice, type EnrolmentTarget } from './sync/devices.ts';
import { HubError, hubErrors } from './sync/hub-errors.ts';
import { ensureHubIdentity, raiseEpoch } from './sync/identity.ts';
import { leaseBlock, reportBlocks } from './sync/leases.ts';
import { pullChanges, pullChangesJson, type PullRequest } from './sync/pull.ts';
import { RecentDevices } from './sync/recent-devices.ts';
import { RecentFeedEntries } from './sync/recent-feed.ts';
import { pruneFeed } from './sync/feed-retention.ts';
import { applyPush } from './sync/push.ts';
import { tableDigests, tableRanges } from './sync/digest.ts';
import { snapshotPage, snapshotPageJson, startSnapshot, type SnapshotPageText } from './sync/snapshot.ts';

export const hubMigrationsDir = join(repositoryRoot, 'migrations', 'postgres');

/** Some sixty catch-up pushes' entries, or the last 256 small ones: a pull sends at most that many keys. */
const RECENT_FEED_BYTES = 64 * 1024 * 1024;
const RECENT_FEED_ENTRIES = 256;
const CHANGES_OPENING = Buffer.from('{"changes":');

export type HubStorage = { readonly kind: 'pglite'; readonly dataDir: string } | { readonly kind: 'postgres'; readonly url: string };

/**
 * The hub's work, independent of HTTP: the server calls it, and the sync simulation calls it
 * directly through a faulty in-memory network. Stateless apart from the database, so several
 * processes can serve one PostgreSQL.
 */
export class HubService {
  /** What push, pull, first sync and comparison share: built once, with the hub's clock and its recent feed entries. */
  readonly #sync: HubSyncContext;
  /** Pulls are the most frequent request: each reads its page while its credential is checked. */
  readonly #pullers = new RecentDevices();

  private constructor(
    readonly db: HubDb,
    catalog: MirrorCatalog,
    private hubId: string,
    private epoch: number,
    private readonly now: () => number,
  ) {
    this.#sync = {
      db,
      catalog,
      clock: new HybridClock('hub0', now),
      // What other desks of a clinic pull moments after a push wrote it.
      recentFeed: new RecentFeedEntries(RECENT_FEED_BYTES, RECENT_FEED_ENTRIES),
      now,
    };
  }

  static async open(storage: HubStorage, now: () => number = Date.now): Promise<HubService> {
    registerSharedModules();
    const db = storage.kind === 'pglite' ? await openPglite(storage.dataDir) : await openPostgres(storage.url);
    try {
      await migrateHub(db, hubMigrationsDir);
      const identity = await ensureHubIdentity(db);
      const catalog = await readMirrorCatalog(db);
      return new HubService(db, catalog, identity.hubId, identity.epoch, now);
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  identity(): HubIdentity {
    return { hubId: this.hubId, epoch: this.epoch, hubTime: this.now() };
  }

  /** The identity with the database's position, for the answers a workstation checks it against. */
  async located(): Promise<HubIdentity> {
    const [row] = await this.db.query<{ position: string }>(`select pg_snapshot_xmax(pg_current_snapshot())::text as position`);
    return { ...this.identity(), ...(row === undefined ? {} : { position: row.position }) };
  }

  async refreshIdentity(): Promise<void> {
    const identity = await ensureHubIdentity(this.db);
    this.hubId = identity.hubId;
    this.epoch = identity.epoch;
  }

  async createEnrolmentCode(target: EnrolmentTarget): Promise<{ code: string; expiresAt: string }> {
    return createEnrolmentCode(this.db, target, this.now());
  }

  /** A code to join this device's clinic, asked for by an administrator on an enrolled workstation. */
  async createJoinCode(credential: string | null): Promise<{ code: string; expiresAt: string }> {
    const device = await authenticateDevice(this.db, credential);
    const clinicId = device.clinicIds[0];
    if (clinicId === undefined) throw hubErrors.forbidden('This workstation belongs to no clinic at the hub.');
    const [clinic] = await this.db.query<{ code: string | null }>(`select code from clinics where id = $1`, [clinicId]);
    return createEnrolmentCode(this.db, { clinicCode: clinic?.code ?? '', clinicId }, this.now());
  }

  async enrol(request: EnrolRequest): Promise<EnrolResponse> {
    return { ...this.identity(), ...(await enrolDevice(this.db, request, this.now())) };
  }

  async revoke(deviceId: string): Promise<boolean> {
    return revokeDevice(this.db, deviceId);
  }

  async raiseEpoch(): Promise<number> {
    this.epoch = await raiseEpoch(this.db);
    return this.epoch;
  }

  async push(credential: string | null, request: PushRequest): Promise<PushResponse & { clinicsChanged: string[] }> {
    const device = await authenticateDevice(this.db, credential);
    try {
      const outcome = await applyPush(this.#sync, device, request);
      return { ...(await this.located()), ...outcome };
    } catch (error) {
      if (error instanceof HubError && error.code === 'REENROL_REQUIRED') await this.db.query(`update hub_devices set reenrol_required = true where id = $1`, [device.id]);
      throw error;
    }
  }

  async pull(credential: string | null, request: PullRequest): Promise<HubIdentity & { changes: FeedChange[]; cursor: string | null; more: boolean; head: string | null; appliedThrough: number; cursorUnknown?: true }> {
    const { device, result } = await this.#pullers.run(this.db, credential, (scope) => pullChanges(this.#sync, scope, request));
    const { position, ...page } = result;
    return { ...(await this.locatedAt(position)), ...page, appliedThrough: device.lastSeq };
  }

  /** The same answer as JSON, in the pieces of bytes the HTTP answer carries: the feed's stored changes go out as they are. */
  async pullJson(credential: string | null, request: PullRequest): Promise<Buffer[]> {
    const { device, result } = await this.#pullers.run(this.db, credential, (scope) => pullChangesJson(this.#sync, scope, request));
    const { position, changes, ...page } = result;
    const rest = JSON.stringify({ ...(await this.locatedAt(position)), ...page, appliedThrough: device.lastSeq }).slice(1);
    return [CHANGES_OPENING, ...changes, Buffer.from(`,${rest}`, 'utf8')];
  }

  /** The hub's identity with its position, read with a page of the feed when the page gave it. */
  private async locatedAt(position: string | undefined): Promise<HubIdentity> {
    return position === undefined ? this.located() : { ...this.identity(), position };
  }

  async startSnapshot(credential: string | null): Promise<HubIdentity & { cursor: string | null; totals: Record<string, number> }> {
    const device = await authenticateDevice(this.db, credential);
    return { ...(await this.located()), ...(await startSnapshot(this.db, device)) };
  }

  async snapshotPage(credential: string | null, request: { table: string; after: string | null; through?: string | null | undefined; limit: number }): Promise<SnapshotPage> {
    const device = await authenticateDevice(this.db, credential);
    return snapshotPage(this.#sync, device, request);
  }

  /** The same page with its rows as JSON text, as the HTTP answer carries them: PGlite writes it itself (see snapshotPageJson). */
  async snapshotPageText(credential: string | null, request: { table: string; after: string | null; through?: string | null | undefined; limit: number }): Promise<SnapshotPageText> {
    const device = await authenticateDevice(this.db, credential);
    if (this.db.kind === 'pglite') return snapshotPageJson(this.#sync, device, request);
    const { columns, rows, clocks, next } = await snapshotPage(this.#sync, device, request);
    return { columnsJson: JSON.stringify(columns), rowsJson: JSON.stringify(rows), clocksJson: JSON.stringify(clocks), next };
  }

  /** Each table's digest over what the device's clinics see, to compare with the workstation's. */
  async tableDigests(credential: string | null): Promise<HubIdentity & { tables: Record<string, TableDigest> }> {
    const device = await authenticateDevice(this.db, credential);
    return { ...(await this.located()), tables: await tableDigests(this.#sync, device) };
  }

  async tableRanges(credential: string | null, request: { table: string }): Promise<{ ranges: RangeDigest[] }> {
    const device = await authenticateDevice(this.db, credential);
    return { ranges: await tableRanges(this.#sync, device, request.table) };
  }

  async lease(credential: string | null, request: { clinicId: string; series: string; size: number }): Promise<{ rangeStart: number; rangeEnd: number }> {
    const device = await authenticateDevice(this.db, credential);
    return leaseBlock(this.db, device, request);
  }

  async reportBlocks(credential: string | null, blocks: readonly { clinicId: string; series: string; rangeStart: number; rangeEnd: number }[]): Promise<void> {
    const device = await authenticateDevice(this.db, credential);
    await reportBlocks(this.db, device, blocks);
  }

  /** Keeps a file a row of the device's organization names (see sync/blobs.ts). */
  async uploadBlob(credential: string | null, request: BlobUploadRequest): Promise<void> {
    const device = await authenticateDevice(this.db, credential);
    await storeBlob(this.db, device, request);
  }

  async downloadBlob(credential: string | null, request: { hash: string }): Promise<BlobDownload> {
    const device = await authenticateDevice(this.db, credential);
    return fetchBlob(this.db, device, request.hash);
  }

  /** Which clinics the device holding a credential belongs to, for its live pokes. */
  async clinicsOf(credential: string | null): Promise<readonly string[]> {
    return (await authenticateDevice(this.db, credential)).clinicIds;
  }

  /** Calls back with a clinic id whenever any hub process on this database commits a change for it. */
  async onClinicChange(listener: (clinicId: string) => void): Promise<() => Promise<void>> {
    return this.db.listen('clinic_changes', listener);
  }

  /** Lets go of feed entries past their retention (see feed-retention.ts); returns how many went. */
  async pruneFeed(): Promise<number> {
    return pruneFeed(this.db, this.now());
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

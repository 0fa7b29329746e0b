import { randomUUID } from 'node:crypto';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPglite } from '#hub/db/hub-db.ts';
import { migrateHub } from '#hub/db/migrate.ts';
import { hubMigrationsDir, HubService } from '#hub/hub-service.ts';
import { readMirrorCatalog } from '#hub/sync/catalog.ts';
import { authenticateDevice } from '#hub/sync/devices.ts';
import { changeFingerprint } from '#hub/sync/pull.ts';
import { snapshotPage, snapshotPageJson } from '#hub/sync/snapshot.ts';
import { formatHlc } from '#shared/sync/hlc.ts';
import type { SyncValue } from '#shared/sync/merge.ts';
import { rowsOfPage, type FeedChange, type PushTx } from '#shared/sync/protocol.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { describeEachHubKind } from '#tests/support/each-hub-kind.ts';

// The feed is kept in entries, one per clinic per push (migrations/postgres/0003): a page may stop
// inside one, a device's own entries are passed over, and positions handed out before entries
// existed still point at the same changes.

const CLINIC = '0194379c-6c00-7000-8000-0000000000a1';
const CLINIC_B = '0194379c-6c00-7000-8000-0000000000b1';
const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const stamp = (offsetMs: number, node = 'dev1'): string => formatHlc({ wallMs: T0 + offsetMs, counter: 0, node });

function clinicRow(phone: string) {
  return { id: CLINIC, organization_id: CLINIC, code: 'AAA01', name: 'Clinic AAA01', country: 'GB', state: '', city: 'Bristol', address: '', phone, currency: 'GBP', time_zone: 'Europe/London', status: 'ACTIVE', idle_lock_minutes: 15, created_at: 'x', updated_at: 'x', deleted_at: null };
}

function deviceRow(id: string, name: string) {
  return { id, name, created_at: 'x' };
}


describeEachHubKind('the feed in entries, on %s', (kind) => {
  let harness: HubHarness;
  let now = T0;
  beforeEach(async () => {
    now = T0;
    harness = await startHub({ now: () => now, kind });
  });
  afterEach(async () => {
    await harness.close();
  });

  async function twoDesks() {
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: 'AAA01', clinicId: null });
    const first = await harness.hub.enrol({ code, deviceId: randomUUID(), deviceName: 'desk 1', databaseId: 'db-1', clinic: { id: CLINIC, code: 'AAA01', organizationId: CLINIC } });
    const { code: join } = await harness.hub.createJoinCode(first.credential);
    const second = await harness.hub.enrol({ code: join, deviceId: randomUUID(), deviceName: 'desk 2', databaseId: 'db-2', clinic: null });
    return { first, second };
  }

  /** One push of several transactions: one entry in the clinic's feed. */
  function fivePhoneChanges(): PushTx[] {
    return [0, 1, 2, 3, 4].map((index) => ({ seq: index + 1, hlc: stamp(index * 1000), ops: [{ table: 'clinics', id: CLINIC, kind: index === 0 ? 'insert' : 'update', columns: index === 0 ? clinicRow('0') : { phone: String(index) } }] }));
  }

  it('lets go of entries past their retention, and tells a device whose position went with them to read anew', async () => {
    const DAY = 86_400_000;
    const { first, second } = await twoDesks();
    const changes = fivePhoneChanges();
    const stamps = (page: { changes: FeedChange[] }): string[] => page.changes.map((change) => change.hlc);
    await harness.hub.push(first.credential, { txs: changes.slice(0, 1) });
    now = T0 + 10 * DAY;
    await harness.hub.push(first.credential, { txs: changes.slice(1, 2) });
    const early = await harness.hub.pull(second.credential, { cursor: null, limit: 100 });
    now = T0 + 35 * DAY;
    await harness.hub.push(first.credential, { txs: changes.slice(2, 3) });
    const late = await harness.hub.pull(second.credential, { cursor: early.cursor, limit: 100 });
    expect(stamps(late)).toEqual([stamp(2000)]);

    // Thirty days on from the first entry, only it goes; a position after the second still holds.
    now = T0 + 39 * DAY;
    expect(await harness.hub.pruneFeed()).toBe(1);
    expect(await harness.hub.pruneFeed()).toBe(0);
    const stillKnown = await harness.hub.pull(second.credential, { cursor: early.cursor, limit: 100 });
    expect(stillKnown.cursorUnknown).toBeUndefined();
    expect(stamps(stillKnown)).toEqual([stamp(2000)]);

    now = T0 + 41 * DAY;
    expect(await harness.hub.pruneFeed()).toBe(1);
    expect(await harness.hub.pull(second.credential, { cursor: early.cursor, limit: 100 })).toMatchObject({ cursorUnknown: true, changes: [] });
    const current = await harness.hub.pull(second.credential, { cursor: late.cursor, limit: 100 });
    expect(current.cursorUnknown).toBeUndefined();
    expect(current).toMatchObject({ changes: [], more: false });
    expect(stamps(await harness.hub.pull(second.credential, { cursor: null, limit: 100 }))).toEqual([stamp(2000)]);
  });

  it('stops a page inside an entry and goes on from there on the next page', async () => {
    const { first, second } = await twoDesks();
    await harness.hub.push(first.credential, { txs: fivePhoneChanges() });
    const whole = await harness.hub.pull(second.credential, { cursor: null, limit: 100 });
    expect(whole.changes.map((change) => change.hlc)).toEqual([0, 1, 2, 3, 4].map((index) => stamp(index * 1000)));
    expect(whole.more).toBe(false);

    const read: FeedChange[] = [];
    let cursor: string | null = null;
    const pages: { count: number; more: boolean }[] = [];
    for (let page = 0; page < 10; page += 1) {
      const answer = await harness.hub.pull(second.credential, { cursor, limit: 2 });
      read.push(...answer.changes);
      pages.push({ count: answer.changes.length, more: answer.more });
      cursor = answer.cursor;
      if (!answer.more) break;
    }
    expect(pages).toEqual([
      { count: 2, more: true },
      { count: 2, more: true },
      { count: 1, more: false },
    ]);
    expect(read).toEqual(whole.changes);
    // The last cursor is past the whole entry, and the head of the feed is that entry.
    expect(cursor).toMatch(/^\d+:\d+:[0-9a-f]{12}$/);
    expect(cursor?.split(':').slice(0, 2)).toEqual(whole.head?.split(':'));
  });

  it('reads the texts of a page’s entries with the entries, and afterwards only one an entry read from inside left out', async () => {
    const { first, second } = await twoDesks();
    const txs: PushTx[] = Array.from({ length: 15 }, (_, index) => ({ seq: index + 1, hlc: stamp(index * 1000), ops: [{ table: 'clinics', id: CLINIC, kind: index === 0 ? 'insert' : 'update', columns: index === 0 ? clinicRow('0') : { phone: String(index) } }] }));
    // Three entries of five changes each.
    for (const start of [0, 5, 10]) await harness.hub.push(first.credential, { txs: txs.slice(start, start + 5) });
    // As if another hub process had written them: this one holds none of them in memory.
    await harness.hub.db.query(`update hub_feed set entry_key = null`);
    const db = harness.hub.db as { query: typeof harness.hub.db.query };
    const query = db.query;
    const statements: string[] = [];
    // Watches the real database's statements; every one still runs.
    db.query = (sql, params) => {
      statements.push(sql);
      return query(sql, params);
    };
    const pageOf = async (cursor: string | null, limit: number) => {
      statements.length = 0;
      const page = await harness.hub.pull(second.credential, { cursor, limit });
      return { page, statements: statements.length };
    };
    try {
      // The device's credential, then the entries with their texts.
      const one = await pageOf(null, 7);
      // The same and the check of the position, which now names an entry; the second entry, read
      // from inside, is counted whole, so the third's text is left out and read after.
      const two = await pageOf(one.page.cursor, 5);
      const three = await pageOf(two.page.cursor, 100);
      expect([one, two, three].map(({ page, statements }) => ({ count: page.changes.length, more: page.more, statements }))).toEqual([
        { count: 7, more: true, statements: 2 },
        { count: 5, more: true, statements: 4 },
        { count: 3, more: false, statements: 3 },
      ]);
      expect([one, two, three].flatMap(({ page }) => page.changes.map((change) => change.hlc))).toEqual(txs.map((tx) => tx.hlc));
    } finally {
      db.query = query;
    }
  });

  it('sends a page as JSON text that reads as the same page, a whole entry as it was stored', async () => {
    const { first, second } = await twoDesks();
    await harness.hub.push(first.credential, { txs: fivePhoneChanges() });
    // An entry written before each change named its origin goes out with its entry's.
    const origin = randomUUID();
    const older = [{ table: 'clinics', id: CLINIC, kind: 'update', columns: { phone: '9' }, hlc: stamp(9000), clock: null }];
    await harness.hub.db.query(`insert into hub_feed (clinic_id, origin, changes, change_count, fingerprint) values ($1, $2, $3::json, 1, $4)`, [CLINIC, origin, JSON.stringify(older), changeFingerprint({ origin, row_id: CLINIC, hlc: stamp(9000) })]);
    const [pushed] = await harness.hub.db.query<{ text: string }>(`select changes::text as text from hub_feed where origin = $1`, [first.deviceId]);
    // The hub's clock and position are read anew for each answer; the rest must be the same.
    const withoutMoments = ({ hubTime: _time, position: _position, ...rest }: Record<string, unknown>): Record<string, unknown> => rest;
    const whole = Buffer.concat(await harness.hub.pullJson(second.credential, { cursor: null, limit: 100 })).toString('utf8');
    expect(withoutMoments(JSON.parse(whole) as Record<string, unknown>)).toEqual(withoutMoments(await harness.hub.pull(second.credential, { cursor: null, limit: 100 })));
    expect(whole).toContain((pushed?.text ?? '').slice(1, -1));
    const changes = (JSON.parse(whole) as { changes: FeedChange[] }).changes;
    expect(changes.map((change) => [change.hlc, change.origin])).toEqual([...[0, 1, 2, 3, 4].map((index) => [stamp(index * 1000), first.deviceId]), [stamp(9000), origin]]);
    // Pages stopping inside an entry read the same either way.
    let cursor: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const asText = JSON.parse(Buffer.concat(await harness.hub.pullJson(second.credential, { cursor, limit: 2 })).toString('utf8')) as Record<string, unknown>;
      const asObjects = await harness.hub.pull(second.credential, { cursor, limit: 2 });
      expect(withoutMoments(asText)).toEqual(withoutMoments(asObjects));
      cursor = asObjects.cursor;
      if (!asObjects.more) break;
    }
    expect(cursor).not.toBeNull();
  });

  it('sends an entry it wrote from memory, as the database holds it, and only while the database holds it under the same key', async () => {
    const { first, second } = await twoDesks();
    await harness.hub.push(first.credential, { txs: fivePhoneChanges() });
    const [stored] = await harness.hub.db.query<{ text: string; entry_key: string | null }>(`select changes as text, entry_key from hub_feed where origin = $1`, [first.deviceId]);
    expect(stored?.entry_key).toMatch(/^[0-9a-f-]{36}$/);
    const phones = async (): Promise<string[]> => {
      const page = JSON.parse(Buffer.concat(await harness.hub.pullJson(second.credential, { cursor: null, limit: 100 })).toString('utf8')) as { changes: FeedChange[] };
      return page.changes.map((change) => String(change.columns['phone']));
    };
    expect(await phones()).toEqual(['0', '1', '2', '3', '4']);
    // Entries never change; one changed behind the hub's back shows where the page came from.
    const altered = (stored?.text ?? '').replaceAll('"phone":"4"', '"phone":"44"');
    await harness.hub.db.query(`update hub_feed set changes = $1 where origin = $2`, [altered, first.deviceId]);
    expect(await phones()).toEqual(['0', '1', '2', '3', '4']);
    expect((await harness.hub.pull(second.credential, { cursor: null, limit: 100 })).changes.map((change) => change.columns['phone'])).toEqual(['0', '1', '2', '3', '4']);
    // Under another key (say, a database restored from a backup) the entry is read from the database.
    await harness.hub.db.query(`update hub_feed set entry_key = $1 where origin = $2`, [randomUUID(), first.deviceId]);
    expect(await phones()).toEqual(['0', '1', '2', '3', '44']);
    // A page stopping inside the entry reads it the same way.
    const inside = await harness.hub.pull(second.credential, { cursor: null, limit: 2 });
    expect(inside.changes.map((change) => change.columns['phone'])).toEqual(['0', '1']);
  });

  it('stores a large entry compressed with lz4 where the server has it, uncompressed where not, and reads it back whole', async () => {
    const { first, second } = await twoDesks();
    const txs = Array.from({ length: 200 }, (_, index) => ({ seq: index + 1, hlc: stamp(index * 10), ops: [{ table: 'clinics', id: CLINIC, kind: index === 0 ? ('insert' as const) : ('update' as const), columns: index === 0 ? clinicRow('0') : { address: `${String(index)} Long Street, Bristol` } }] }));
    await harness.hub.push(first.credential, { txs });
    const [stored] = await harness.hub.db.query<{ method: string | null; bytes: number; length: number }>(
      `select pg_column_compression(changes) as method, pg_column_size(changes) as bytes, octet_length(changes::text) as length from hub_feed where origin = $1 order by change_count desc limit 1`,
      [first.deviceId],
    );
    if (kind === 'postgres') {
      expect(stored?.method).toBe('lz4');
      expect(stored?.bytes ?? Infinity).toBeLessThan((stored?.length ?? 0) / 2);
    } else {
      expect(stored?.method).toBeNull();
    }
    const page = await harness.hub.pull(second.credential, { cursor: null, limit: 500 });
    expect(page.changes.map((change) => change.columns['address'] ?? null)).toEqual(txs.map((tx) => tx.ops[0]?.columns['address'] ?? null));
  });

  it('gives a device of two clinics both clinics’ entries in the order they were written, page after page', async () => {
    const { first, second } = await twoDesks();
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: 'BBB01', clinicId: null });
    const other = await harness.hub.enrol({ code, deviceId: randomUUID(), deviceName: 'desk B', databaseId: 'db-b', clinic: { id: CLINIC_B, code: 'BBB01', organizationId: CLINIC_B } });
    await harness.hub.db.query(`insert into hub_device_clinics (device_id, clinic_id, workstation_number) values ($1, $2, 9)`, [second.deviceId, CLINIC_B]);
    const thirdOfA = await harness.hub.enrol({ code: (await harness.hub.createJoinCode(first.credential)).code, deviceId: randomUUID(), deviceName: 'desk 3', databaseId: 'db-3', clinic: null });
    await harness.hub.push(first.credential, { txs: fivePhoneChanges().slice(0, 2) });
    await harness.hub.push(other.credential, { txs: [{ seq: 1, hlc: stamp(500, 'dev3'), ops: [{ table: 'devices', id: other.deviceId, kind: 'insert', columns: deviceRow(other.deviceId, 'desk B') }] }] });
    await harness.hub.push(first.credential, { txs: fivePhoneChanges().slice(2, 3) });
    const expected = [stamp(0), stamp(1000), stamp(500, 'dev3'), stamp(2000)];
    expect((await harness.hub.pull(second.credential, { cursor: null, limit: 100 })).changes.map((change) => change.hlc)).toEqual(expected);
    const paged: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const answer = await harness.hub.pull(second.credential, { cursor, limit: 1 });
      paged.push(...answer.changes.map((change) => change.hlc));
      cursor = answer.cursor;
      if (!answer.more) break;
    }
    expect(paged).toEqual(expected);
    // A desk of clinic A alone sees nothing of B.
    expect((await harness.hub.pull(thirdOfA.credential, { cursor: null, limit: 100 })).changes.map((change) => change.hlc)).toEqual([stamp(0), stamp(1000), stamp(2000)]);
  });

  it('passes a device’s own entries over, moving its position past them, and sends it the others’', async () => {
    const { first, second } = await twoDesks();
    await harness.hub.push(first.credential, { txs: fivePhoneChanges() });
    const own = await harness.hub.pull(first.credential, { cursor: null, limit: 100 });
    expect(own.changes).toEqual([]);
    expect(own.cursor).not.toBeNull();
    expect(own.more).toBe(false);
    await harness.hub.push(second.credential, { txs: [{ seq: 1, hlc: stamp(9000, 'dev2'), ops: [{ table: 'devices', id: second.deviceId, kind: 'insert', columns: deviceRow(second.deviceId, 'desk 2') }] }] });
    const others = await harness.hub.pull(first.credential, { cursor: own.cursor, limit: 100 });
    expect(others.changes.map((change) => [change.table, change.origin])).toEqual([['devices', second.deviceId]]);
  });

  it('tells a device whose position is in an entry the hub no longer holds to read the feed anew', async () => {
    const { first, second } = await twoDesks();
    await harness.hub.push(first.credential, { txs: fivePhoneChanges() });
    const page = await harness.hub.pull(second.credential, { cursor: null, limit: 2 });
    expect(page.cursor).toMatch(/^\d+:\d+:[0-9a-f]{12}:2$/);
    const [txid, id, check] = (page.cursor ?? '').split(':');
    // The same position with more changes read than the entry holds, or with another fingerprint.
    expect((await harness.hub.pull(second.credential, { cursor: `${txid ?? ''}:${id ?? ''}:${check ?? ''}:5`, limit: 2 })).cursorUnknown).toBe(true);
    expect((await harness.hub.pull(second.credential, { cursor: `${txid ?? ''}:${id ?? ''}:000000000000:2`, limit: 2 })).cursorUnknown).toBe(true);
    await expect(harness.hub.pull(second.credential, { cursor: `${txid ?? ''}:${id ?? ''}:2`, limit: 2 })).rejects.toThrow(/sync position is not valid/);
    expect((await harness.hub.pull(second.credential, { cursor: page.cursor, limit: 2 })).changes).toHaveLength(2);
  });

  it('writes a first sync’s page the same whether the database or the hub makes its JSON', async () => {
    const { first, second } = await twoDesks();
    await harness.hub.push(first.credential, { txs: fivePhoneChanges() });
    await harness.hub.push(first.credential, { txs: [{ seq: 6, hlc: stamp(6000), ops: [{ table: 'devices', id: first.deviceId, kind: 'insert', columns: deviceRow(first.deviceId, 'desk 1 “front”') }] }] });
    const catalog = await readMirrorCatalog(harness.hub.db);
    const device = await authenticateDevice(harness.hub.db, second.credential);
    for (const request of [{ table: 'clinics', after: null, limit: 10 }, { table: 'devices', after: null, limit: 1 }, { table: 'devices', after: '', through: first.deviceId, limit: 10 }]) {
      const byDatabase = await snapshotPageJson({ db: harness.hub.db, catalog }, device, request);
      const byHub = await snapshotPage({ db: harness.hub.db, catalog }, device, request);
      expect({ columns: JSON.parse(byDatabase.columnsJson) as unknown, rows: JSON.parse(byDatabase.rowsJson) as unknown, clocks: JSON.parse(byDatabase.clocksJson) as unknown, next: byDatabase.next }).toEqual(byHub);
    }
    const text = await snapshotPageJson({ db: harness.hub.db, catalog }, device, { table: 'clinics', after: null, limit: 10 });
    const [clinic] = rowsOfPage({ columns: JSON.parse(text.columnsJson) as string[], rows: JSON.parse(text.rowsJson) as SyncValue[][], clocks: JSON.parse(text.clocksJson) as Record<string, string>[], next: text.next });
    expect(clinic?.values).toMatchObject({ id: CLINIC, phone: '4', idle_lock_minutes: 15, deleted_at: null });
    expect(clinic?.clock['phone']).toBe(stamp(4000));
  });
});

describe('a hub feed from before entries (PGlite)', () => {
  it('becomes one entry per change under the same positions, so positions handed out before still hold', async () => {
    const temp = makeTempDir('clinic-hub-feed-');
    const beforeEntries = makeTempDir('clinic-hub-migrations-');
    try {
      for (const name of readdirSync(hubMigrationsDir).filter((file) => file < '0003')) copyFileSync(join(hubMigrationsDir, name), join(beforeEntries.path, name));
      const origin = randomUUID();
      const old = await openPglite(join(temp.path, 'pgdata'));
      await migrateHub(old, beforeEntries.path);
      for (const phone of ['1', '2', '3']) {
        await old.query(`insert into hub_changes (clinic_id, tbl, row_id, kind, columns, hlc, clock, origin) values ($1, 'clinics', $1, 'update', $2::jsonb, $3, null, $4)`, [CLINIC, JSON.stringify({ phone }), stamp(Number(phone) * 1000), origin]);
      }
      const [firstOld] = await old.query<{ txid: string; id: string }>(`select txid::text, id::text from hub_changes order by txid, id limit 1`);
      await old.close();
      const oldCursor = `${firstOld?.txid ?? ''}:${firstOld?.id ?? ''}:${changeFingerprint({ origin, row_id: CLINIC, hlc: stamp(1000) })}`;

      const hub = await HubService.open({ kind: 'pglite', dataDir: join(temp.path, 'pgdata') }, () => T0);
      try {
        const { code } = await hub.createEnrolmentCode({ clinicCode: 'AAA01', clinicId: CLINIC });
        const device = await hub.enrol({ code, deviceId: randomUUID(), deviceName: 'desk', databaseId: 'db', clinic: null });
        const all = await hub.pull(device.credential, { cursor: null, limit: 100 });
        expect(all.changes.map((change) => [change.columns['phone'], change.hlc, change.origin, change.clock])).toEqual(['1', '2', '3'].map((phone) => [phone, stamp(Number(phone) * 1000), origin, null]));
        const rest = await hub.pull(device.credential, { cursor: oldCursor, limit: 100 });
        expect(rest.cursorUnknown).toBeUndefined();
        expect(rest.changes.map((change) => change.columns['phone'])).toEqual(['2', '3']);
        // New entries follow the migrated ones.
        const [next] = await hub.db.query<{ id: string }>(`select nextval(pg_get_serial_sequence('hub_feed', 'id'))::text as id`);
        expect(Number(next?.id)).toBeGreaterThan(Number(firstOld?.id) + 2);
      } finally {
        await hub.close();
      }
    } finally {
      temp.remove();
      beforeEntries.remove();
    }
  });
});

describe('a hub feed stored as json (PGlite)', () => {
  it('keeps every entry as it was written when its column becomes text, and stays uncompressed without lz4', async () => {
    const temp = makeTempDir('clinic-hub-feed-');
    const asJson = makeTempDir('clinic-hub-migrations-');
    try {
      for (const name of readdirSync(hubMigrationsDir).filter((file) => file < '0008')) copyFileSync(join(hubMigrationsDir, name), join(asJson.path, name));
      const origin = randomUUID();
      const old = await openPglite(join(temp.path, 'pgdata'));
      await migrateHub(old, asJson.path);
      // Written as a push writes it: the change's own text, spaces and accents as they came.
      const text = `[{"origin":"${origin}","table":"clinics","id":"${CLINIC}","kind":"update","columns":{"address":"Quai de l’Horloge 3, Genève", "idle_lock_minutes":20},"hlc":"${stamp(1000)}","clock":null}]`;
      await old.query(`insert into hub_feed (clinic_id, origin, changes, change_count, fingerprint) values ($1, $2, $3::json, 1, $4)`, [CLINIC, origin, text, changeFingerprint({ origin, row_id: CLINIC, hlc: stamp(1000) })]);
      await old.close();

      const hub = await HubService.open({ kind: 'pglite', dataDir: join(temp.path, 'pgdata') }, () => T0);
      try {
        const [column] = await hub.db.query<{ type: string; storage: string }>(`select atttypid::regtype::text as type, attstorage as storage from pg_attribute where attrelid = 'hub_feed'::regclass and attname = 'changes'`);
        expect(column).toEqual({ type: 'text', storage: 'e' });
        const [stored] = await hub.db.query<{ changes: string }>(`select changes from hub_feed`);
        expect(stored?.changes).toBe(text);
        const { code } = await hub.createEnrolmentCode({ clinicCode: 'AAA01', clinicId: CLINIC });
        const device = await hub.enrol({ code, deviceId: randomUUID(), deviceName: 'desk', databaseId: 'db', clinic: null });
        const page = await hub.pull(device.credential, { cursor: null, limit: 100 });
        expect(page.changes.map((change) => change.columns)).toEqual([{ address: 'Quai de l’Horloge 3, Genève', idle_lock_minutes: 20 }]);
      } finally {
        await hub.close();
      }
    } finally {
      temp.remove();
      asJson.remove();
    }
  });
});

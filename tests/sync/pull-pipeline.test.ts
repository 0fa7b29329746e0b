import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncedTableName } from '#shared/sync/tables.ts';
import { HubUnavailable, type HubTransport } from '#core/sync/transport.ts';
import { PULL_PAGE } from '#core/sync/pull-loop.ts';
import { adminAccount, sampleClinic, START_MS } from '#tests/support/core-harness.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import { call } from '#tests/support/sync-calls.ts';
import { hubRows, openWorkstation, workstationRows, type Workstation } from '#tests/support/sync-world.ts';
import { makeOfflineChanges } from '#tests/bench/sync/workstations.ts';

// A workstation far behind the feed reads it page after page, asking for the next page while it
// writes the one it has. Every change arrives once, in order, and a page asked for ahead that
// never comes costs nothing but a retry.

type PullCall = Parameters<HubTransport['pull']>;
type PullSeen = { asked: string | null; stored: string | null; answered: string | null; more: boolean };

const TABLES: readonly SyncedTableName[] = ['patients', 'appointments', 'appointment_events', 'queue_entries'];

describe('pulling a long feed, a page ahead', () => {
  let harness: HubHarness;
  let first: Workstation;
  let second: Workstation;
  let clinicId: string;
  let userId: string;
  const seen: PullSeen[] = [];
  const faults = { failPullNumber: -1 };

  /** Records what each pull asked for, where the workstation stood then, and what came back. */
  const recording = (base: HubTransport): HubTransport => ({
    ...base,
    pull: async (...args: PullCall) => {
      const entry: PullSeen = { asked: args[1].cursor, stored: second.core.sync.settings()?.cursor ?? null, answered: null, more: false };
      seen.push(entry);
      if (seen.length === faults.failPullNumber) throw new HubUnavailable('The answer was lost on the way back.');
      const response = await base.pull(...args);
      entry.answered = response.cursor;
      entry.more = response.more;
      return response;
    },
  });

  beforeEach(async () => {
    seen.length = 0;
    faults.failPullNumber = -1;
    harness = await startHub({ now: () => START_MS });
    first = await openWorkstation('one', () => harness.hub, { startMs: START_MS });
    second = await openWorkstation('two', () => harness.hub, { startMs: START_MS, transport: recording });
    const setup = await call(first, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount });
    const token = setup.token ?? '';
    clinicId = setup.activeClinic?.clinicId ?? '';
    userId = first.core.database.sqlite.prepare(`select id from users where username = ?`).pluck().get(adminAccount.username) as string;
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: sampleClinic.code, clinicId: null });
    await call(first, 'sync.connect', { hubUrl: 'http://hub.test', code }, token);
    await first.core.sync.syncNow();
    const join = await call(first, 'sync.createJoinCode', {}, token);
    await call(second, 'sync.join', { hubUrl: 'http://hub.test', code: join.code });
    await second.core.sync.syncNow();
    // What the other desk did meanwhile: more than two pages of the feed.
    const made = makeOfflineChanges(first.core, { clinicId, userId, doctorIds: [userId], transactions: 450, tag: 'L', day: '2027-01-04', series: 'L' });
    expect(made).toBeGreaterThan(2 * PULL_PAGE);
    await first.core.sync.syncNow();
    expect(first.core.sync.status().pendingChanges).toBe(0);
    seen.length = 0;
  });

  afterEach(async () => {
    await first.close();
    await second.close();
    await harness.close();
  });

  async function expectSameAsHub(): Promise<void> {
    for (const table of TABLES) expect(workstationRows(second.core.database.sqlite, table, null), table).toEqual(await hubRows(harness.hub, table, clinicId));
  }

  it('asks for each page where the one before ended, before that one is written', async () => {
    await second.core.sync.syncNow();
    expect(second.core.sync.status().lastError).toBeNull();
    await expectSameAsHub();

    const pages = seen.filter((entry) => entry.answered !== null);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // No page skipped or read twice: each asks from where the one before it ended.
    for (const [index, page] of pages.entries()) if (index > 0) expect(page.asked).toBe(pages[index - 1]?.answered);
    // The pages after the first were asked for while the workstation still stood before the page in front of them.
    const aheadOfWritten = pages.filter((page, index) => index > 0 && page.stored !== page.asked);
    expect(aheadOfWritten.length).toBe(pages.length - 1);
    expect(pages.at(-1)?.more).toBe(false);
  });

  it('writes the pages, and the hub marks read with them, without waiting for the disk, and waits for it again after', async () => {
    const { sqlite } = second.core.database;
    // Temporary triggers note the level each setting was written at, on the real connection.
    sqlite.exec(`
      create temp table written_at_level (key text not null, level integer not null);
      create temp trigger note_inserted_setting after insert on local_meta begin insert into written_at_level select new.key, synchronous from pragma_synchronous; end;
      create temp trigger note_updated_setting after update on local_meta begin insert into written_at_level select new.key, synchronous from pragma_synchronous; end;
    `);
    try {
      await second.core.sync.syncNow();
      expect(second.core.sync.status().lastError).toBeNull();
      await expectSameAsHub();
      const written = sqlite.prepare(`select key, level from written_at_level`).all() as { key: string; level: number }[];
      const levelsOf = (key: string): number[] => written.filter((entry) => entry.key === key).map((entry) => entry.level);
      const pages = seen.filter((entry) => entry.answered !== null).length;
      const NORMAL = 1;
      expect(levelsOf('sync_cursor')).toEqual(Array.from({ length: pages }, () => NORMAL));
      // The other desk's changes moved the hub's position on since this one last synced.
      expect(levelsOf('hub_position').length).toBeGreaterThan(0);
      expect(levelsOf('hub_position').every((level) => level === NORMAL)).toBe(true);
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      sqlite.exec(`drop table temp.written_at_level; drop trigger temp.note_inserted_setting; drop trigger temp.note_updated_setting;`);
    }
  });

  it('writes nothing twice when a page asked for ahead is lost, and reads on from where it stands', async () => {
    faults.failPullNumber = 2;
    await second.core.sync.syncNow();
    expect(second.core.sync.status().lastError).not.toBeNull();
    const firstPageEnd = seen[0]?.answered ?? null;
    expect(second.core.sync.settings()?.cursor).toBe(firstPageEnd);

    await second.core.sync.syncNow();
    expect(second.core.sync.status().lastError).toBeNull();
    await expectSameAsHub();
    const retried = seen.slice(2);
    expect(retried[0]?.asked).toBe(firstPageEnd);
  });
});

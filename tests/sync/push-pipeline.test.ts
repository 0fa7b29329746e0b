import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubUnavailable, type HubTransport } from '#core/sync/transport.ts';
import { PUSH_MAX_OPS } from '#core/sync/push-loop.ts';
import { adminAccount, sampleClinic, START_MS } from '#tests/support/core-harness.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import { call } from '#tests/support/sync-calls.ts';
import { openWorkstation, type Workstation } from '#tests/support/sync-world.ts';
import { makeOfflineChanges } from '#tests/bench/sync/workstations.ts';

// A workstation with many changes waiting sends the next batch while the hub applies the one
// before. Whatever order the hub meets the two in, every change goes in once and the
// workstation's view of the hub is not disturbed.

type PushCall = Parameters<HubTransport['push']>;

/** Holds the first push back until the one sent after it was answered, so the hub meets them in the wrong order. */
function secondOvertakesFirst(base: HubTransport, calls: { seqs: number[][]; armed: boolean }): HubTransport {
  let releaseFirst: () => void = () => undefined;
  const secondAnswered = new Promise<void>((resolve) => {
    releaseFirst = resolve;
  });
  return {
    ...base,
    push: async (...args: PushCall) => {
      if (!calls.armed) return base.push(...args);
      const index = calls.seqs.length;
      calls.seqs.push(args[1].txs.map((tx) => tx.seq));
      if (index === 0) {
        await secondAnswered;
        return base.push(...args);
      }
      try {
        return await base.push(...args);
      } finally {
        if (index === 1) releaseFirst();
      }
    },
  };
}

describe('pushing many waiting changes, a batch ahead', () => {
  let harness: HubHarness;
  let desk: Workstation;
  let token: string;
  const calls = { seqs: [] as number[][], armed: false };

  beforeEach(async () => {
    calls.seqs = [];
    calls.armed = false;
    harness = await startHub({ now: () => START_MS });
  });
  afterEach(async () => {
    await desk.close();
    await harness.close();
  });

  async function connectedDesk(transport?: (base: HubTransport) => HubTransport): Promise<{ clinicId: string; userId: string }> {
    desk = await openWorkstation('one', () => harness.hub, { startMs: START_MS, ...(transport === undefined ? {} : { transport }) });
    const setup = await call(desk, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount });
    token = setup.token ?? '';
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: sampleClinic.code, clinicId: null });
    await call(desk, 'sync.connect', { hubUrl: 'http://hub.test', code }, token);
    await desk.core.sync.syncNow();
    calls.seqs = [];
    const userId = desk.core.database.sqlite.prepare(`select id from users where username = ?`).pluck().get(adminAccount.username) as string;
    return { clinicId: setup.activeClinic?.clinicId ?? '', userId };
  }

  async function hubHolds(table: string): Promise<number> {
    const [row] = await harness.hub.db.query<{ n: string }>(`select count(*)::text as n from ${table}`);
    return Number(row?.n);
  }

  it('sends every batch once and in order when the hub answers in order', async () => {
    const { clinicId, userId } = await connectedDesk((base) => ({
      ...base,
      push: (...args: PushCall) => {
        calls.seqs.push(args[1].txs.map((tx) => tx.seq));
        return base.push(...args);
      },
    }));
    const waiting = makeOfflineChanges(desk.core, { clinicId, userId, doctorIds: [userId], transactions: 500, tag: 'P', day: '2027-01-04', series: 'P' });
    expect(waiting).toBeGreaterThan(2 * PUSH_MAX_OPS);
    await desk.core.sync.syncNow();
    expect(desk.core.sync.status()).toMatchObject({ pendingChanges: 0, lastError: null, rejections: 0 });
    const sent = calls.seqs.flat();
    expect(calls.seqs.length).toBeGreaterThanOrEqual(3);
    expect(sent).toEqual([...new Set(sent)].sort((a, b) => a - b));
    expect(await hubHolds('appointments')).toBe(1000);
  });

  it('sends a batch again when the hub met it before the batch in front of it, and loses nothing', async () => {
    const { clinicId, userId } = await connectedDesk((base) => secondOvertakesFirst(base, calls));
    makeOfflineChanges(desk.core, { clinicId, userId, doctorIds: [userId], transactions: 500, tag: 'P', day: '2027-01-04', series: 'P' });
    calls.armed = true;
    await desk.core.sync.syncNow();
    expect(desk.core.sync.status()).toMatchObject({ pendingChanges: 0, lastError: null, rejections: 0 });
    // The second batch went twice: once too early (the hub changed nothing), once after the first.
    const [first = [], second = [], ...rest] = calls.seqs;
    expect(rest.some((batch) => batch[0] === second[0])).toBe(true);
    expect(first[0]).toBeLessThan(second[0] ?? 0);
    expect(await hubHolds('appointments')).toBe(1000);
    expect(await hubHolds('patients')).toBe(1000);
    const [device] = await harness.hub.db.query<{ last_seq: string }>(`select last_seq::text from hub_devices`);
    expect(Number(device?.last_seq)).toBe(Math.max(...calls.seqs.flat()));
    // Nothing looked like a hub gone back in time, which would have the workstation compare itself with the hub at once.
    expect(desk.core.sync.status().lastCheck).toBeNull();
  });

  it('is told of a refusal again when the answer that carried it was lost', async () => {
    let loseNextAnswer = false;
    const { clinicId } = await connectedDesk((base) => ({
      ...base,
      push: async (...args: PushCall) => {
        const answer = await base.push(...args);
        if (!loseNextAnswer) return answer;
        loseNextAnswer = false;
        throw new HubUnavailable('The hub cannot be reached.');
      },
    }));
    // This workstation has a column its hub does not know yet (as after an update of the app alone): the hub refuses the change.
    desk.core.database.sqlite.exec(`alter table clinics add column motto text`);
    await desk.restart();
    const { sqlite, db } = desk.core.database;
    sqlite.transaction(() => {
      desk.core.stamper.begin(db);
      sqlite.prepare(`update clinics set motto = 'Care first' where id = ?`).run(clinicId);
    })();
    loseNextAnswer = true;
    await desk.core.sync.syncNow();
    expect(desk.core.sync.status()).toMatchObject({ pendingChanges: 1, rejections: 0 });
    await desk.core.sync.syncNow();
    expect(desk.core.sync.status()).toMatchObject({ pendingChanges: 0, rejections: 1 });
    const [refusal] = sqlite.prepare(`select code from sync_rejections`).pluck().all() as string[];
    expect(refusal).toBe('UNKNOWN_COLUMN');
  });
});

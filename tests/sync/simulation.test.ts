import { describe, expect, it } from 'vitest';
import { runSimulation } from './simulation/run-simulation.ts';

// Seeds run in every `npm test`; SIM_SEEDS=1,2,3 or SIM_SEED_COUNT=N widens the search, and a
// failure names its seed so it replays exactly.
const seeds = process.env['SIM_SEEDS']?.split(',').map(Number) ?? Array.from({ length: Number(process.env['SIM_SEED_COUNT'] ?? '4') }, (_, index) => 1000 + index);
const operationsPerDesk = Number(process.env['SIM_OPERATIONS'] ?? '60');

/** Problems counted by desk, table and kind, so a failure reads at a glance. */
function summarise(problems: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const problem of problems) {
    const [, desk = '', table = '', what = ''] = /^(\w+): (\w+) \S+ (is not at the hub|differs|of its clinic is missing)/.exec(problem) ?? [];
    const key = `${desk} ${table} ${what}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${String(count)} × ${key}`);
}

describe('deterministic sync simulation (SYNC.md §11)', () => {
  it.each(seeds)('seed %i: every replica of a clinic equals the hub, nothing crosses clinics, every change applied once', async (seed) => {
    const world = await runSimulation({ seed, operationsPerDesk, restoreHub: true });
    try {
      const problems = await world.differences();
      const rejections = await world.hub.db.query<{ code: string; message: string }>(`select code, message from hub_rejections limit 5`);
      expect(problems.length, `seed ${String(seed)} — replay with SIM_SEEDS=${String(seed)}\n${[...world.log.slice(-30), ...rejections.map((row) => `rejected ${row.code}: ${row.message}`), ...world.desks.map((desk) => `${desk.ws.key}: ${desk.ws.core.sync.status().state} ${desk.ws.core.sync.status().lastError ?? ''}`), ...summarise(problems), ...problems.slice(0, 6)].join('\n')}`).toBe(0);
      for (const desk of world.desks) {
        const sqlite = desk.ws.core.database.sqlite;
        const otherCode = desk.clinic === 'A' ? 'BBB01' : 'AAA01';
        expect(sqlite.prepare('select count(*) from clinics where code = ?').pluck().get(otherCode), `seed ${String(seed)}: ${desk.ws.key} holds the other clinic`).toBe(0);
        expect(desk.ws.core.sync.status().pendingChanges, `seed ${String(seed)}: ${desk.ws.key} has changes waiting`).toBe(0);
        const pushed = sqlite.prepare('select count(distinct pushed_seq) from sync_outbox where pushed_seq is not null').pluck().get() as number;
        const [held] = await world.hub.db.query<{ n: string }>(`select count(*)::text as n from hub_device_txs where device_id::text = $1`, [desk.ws.core.identity.deviceId]);
        expect(Number(held?.n ?? '0'), `seed ${String(seed)}: ${desk.ws.key} transactions at the hub`).toBe(pushed);
      }
      const [rejected] = await world.hub.db.query<{ n: string }>(`select count(*)::text as n from hub_rejections`);
      expect(rejected?.n, `seed ${String(seed)}: rejected transactions`).toBe('0');
    } finally {
      await world.close();
    }
  }, 300_000);
});

import { describe, expect, it } from 'vitest';
import { formatHlc, HybridClock, isHlc, nodeTagOf, parseHlc, ZERO_HLC, type HlcParts } from '#shared/sync/hlc.ts';
import { seededRandom } from '#core/demo/sample-names.ts';

const MAX_COUNTER = 36 ** 4 - 1;
const MARCH_2026_MS = Date.UTC(2026, 2, 2, 9, 30);

/** A wall clock that reads the given instants in turn, then stays on the last one. */
function scriptedWallClock(readings: readonly number[]): () => number {
  let index = 0;
  return () => readings[Math.min(index++, readings.length - 1)] ?? 0;
}

/** Each stamp later than the one before it: in order, and no two alike. */
function expectStrictlyIncreasing(stamps: readonly string[]): void {
  expect(stamps).toEqual([...new Set(stamps)].sort());
  expect(new Set(stamps).size).toBe(stamps.length);
}

function compareParts(left: HlcParts, right: HlcParts): number {
  if (left.wallMs !== right.wallMs) return Math.sign(left.wallMs - right.wallMs);
  if (left.counter !== right.counter) return Math.sign(left.counter - right.counter);
  return left.node === right.node ? 0 : left.node < right.node ? -1 : 1;
}

function compareText(left: string, right: string): number {
  return left === right ? 0 : left < right ? -1 : 1;
}

function randomParts(random: () => number): HlcParts {
  // Walls of every width, from the first milliseconds to the last the nine digits hold, so that
  // padding is exercised; counters likewise, including values that differ only in a low digit.
  const wallMs = Math.floor(random() ** 6 * 36 ** 9);
  const counter = Math.floor(random() ** 4 * (MAX_COUNTER + 1));
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  const node = Array.from({ length: 1 + Math.floor(random() * 16) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  return { wallMs, counter, node };
}

describe('HLC stamps as text', () => {
  it('order as plain strings exactly as (wall time, counter, node) order', () => {
    const random = seededRandom(20260302);
    const stamps = Array.from({ length: 400 }, () => randomParts(random));
    // Near neighbours too: one millisecond or one count apart, where a missing pad would show.
    stamps.push({ wallMs: 9, counter: 0, node: 'a' }, { wallMs: 10, counter: 0, node: 'a' }, { wallMs: 35, counter: 35, node: 'a' }, { wallMs: 36, counter: 0, node: 'a' });
    stamps.push({ wallMs: MARCH_2026_MS, counter: 9, node: 'a' }, { wallMs: MARCH_2026_MS, counter: 10, node: 'a' }, { wallMs: MARCH_2026_MS, counter: 36, node: 'a' });
    for (const left of stamps) {
      for (const right of stamps) {
        const byText = compareText(formatHlc(left), formatHlc(right));
        if (byText !== compareParts(left, right)) {
          expect.fail(`${formatHlc(left)} vs ${formatHlc(right)}: text says ${byText}, parts say ${compareParts(left, right)}`);
        }
      }
    }
  });

  it('parse back to the parts they were formatted from', () => {
    const random = seededRandom(7);
    for (let index = 0; index < 200; index++) {
      const parts = randomParts(random);
      expect(parseHlc(formatHlc(parts))).toEqual(parts);
    }
    expect(formatHlc({ wallMs: MARCH_2026_MS, counter: 5, node: '294d5aa47b92' })).toMatch(/^[0-9a-z]{9}\.0005\.294d5aa47b92$/);
  });

  it('start from a zero stamp below every stamp a clock issues', () => {
    expect(isHlc(ZERO_HLC)).toBe(true);
    expect(parseHlc(ZERO_HLC)).toEqual({ wallMs: 0, counter: 0, node: '0' });
    const clock = new HybridClock('a', () => 0);
    expect(clock.last).toBe(formatHlc({ wallMs: 0, counter: 0, node: 'a' }));
    expect(clock.tick() > ZERO_HLC).toBe(true);
  });
});

describe('isHlc and parseHlc', () => {
  const good = formatHlc({ wallMs: MARCH_2026_MS, counter: 3, node: '294d5aa47b92' });

  it('accept a well-formed stamp, with a node of one to sixteen characters', () => {
    expect(isHlc(good)).toBe(true);
    expect(isHlc('000000000.0000.z')).toBe(true);
    expect(isHlc(`000000000.0000.${'z'.repeat(16)}`)).toBe(true);
  });

  it.each([
    ['an ISO date', '2026-03-02T09:30:00.000Z'],
    ['an empty string', ''],
    ['upper-case digits', good.toUpperCase()],
    ['a wall of eight digits', good.slice(1)],
    ['a wall of ten digits', `0${good}`],
    ['a counter of three digits', good.replace('.0003.', '.003.')],
    ['a counter of five digits', good.replace('.0003.', '.00003.')],
    ['no node', good.replace(/\.[0-9a-z]+$/, '.')],
    ['no node or its dot', good.replace(/\.[0-9a-z]+$/, '')],
    ['a node of seventeen characters', `000000000.0000.${'z'.repeat(17)}`],
    ['a node with a dash', '000000000.0000.294d-5aa4'],
    ['another separator', good.replaceAll('.', ':')],
    ['a leading space', ` ${good}`],
    ['a trailing newline', `${good}\n`],
  ])('refuse %s', (_what, stamp) => {
    expect(isHlc(stamp)).toBe(false);
    expect(parseHlc(stamp)).toBeNull();
  });

  it.each([
    ['a number', MARCH_2026_MS],
    ['null', null],
    ['undefined', undefined],
    ['an object', { wallMs: 0, counter: 0, node: 'a' }],
    // Its text would be a good stamp: only its type gives it away.
    ['a list holding a stamp', ['000000000.0000.a']],
  ])('refuse %s that is not text', (_what, stamp) => {
    expect(isHlc(stamp)).toBe(false);
  });
});

describe('nodeTagOf', () => {
  it("takes the random tail of a device's UUIDv7 in lower case, never its time prefix", () => {
    expect(nodeTagOf('0195a3c4-7b2a-7cde-8f01-294D5AA47B92')).toBe('294d5aa47b92');
    // Two devices enrolled in the same millisecond share the time prefix and must still differ.
    expect(nodeTagOf('0195a3c4-7b2a-7cde-8f01-000000000001')).not.toBe(nodeTagOf('0195a3c4-7b2a-7cde-8f01-000000000002'));
  });

  it('gives a node that a stamp can carry', () => {
    expect(isHlc(formatHlc({ wallMs: MARCH_2026_MS, counter: 0, node: nodeTagOf('0195a3c4-7b2a-7cde-8f01-294d5aa47b92') }))).toBe(true);
  });
});

describe('HybridClock', () => {
  it("stamps every tick with its device's node", () => {
    const node = nodeTagOf('0195a3c4-7b2a-7cde-8f01-294d5aa47b92');
    const clock = new HybridClock(node, () => MARCH_2026_MS);
    const first = clock.tick();
    clock.observe(formatHlc({ wallMs: MARCH_2026_MS + 5_000, counter: 7, node: 'otherdevice1' }));
    // The first upload stamps rows with `last` itself, so it must name this device even right after observing another.
    expect(clock.last).toBe(formatHlc({ wallMs: MARCH_2026_MS + 5_000, counter: 7, node }));
    const afterObserving = clock.tick();
    expect(parseHlc(first)?.node).toBe(node);
    expect(parseHlc(afterObserving)?.node).toBe(node);
  });

  it('follows the wall clock while it moves forward, restarting the counter', () => {
    const clock = new HybridClock('a', scriptedWallClock([MARCH_2026_MS, MARCH_2026_MS + 1, MARCH_2026_MS + 60_000]));
    expect(parseHlc(clock.tick())).toEqual({ wallMs: MARCH_2026_MS, counter: 0, node: 'a' });
    expect(parseHlc(clock.tick())).toEqual({ wallMs: MARCH_2026_MS + 1, counter: 0, node: 'a' });
    expect(parseHlc(clock.tick())).toEqual({ wallMs: MARCH_2026_MS + 60_000, counter: 0, node: 'a' });
  });

  it('ticks strictly later while the wall clock stands still', () => {
    const clock = new HybridClock('a', () => MARCH_2026_MS);
    const stamps = Array.from({ length: 1_000 }, () => clock.tick());
    expectStrictlyIncreasing(stamps);
    expect(parseHlc(stamps.at(-1) ?? '')).toEqual({ wallMs: MARCH_2026_MS, counter: 999, node: 'a' });
  });

  it('ticks strictly later when the wall clock goes backwards', () => {
    const readings = [MARCH_2026_MS, MARCH_2026_MS - 1, MARCH_2026_MS - 3_600_000, MARCH_2026_MS + 1, MARCH_2026_MS, 0, MARCH_2026_MS + 2];
    const clock = new HybridClock('a', scriptedWallClock(readings));
    const stamps = readings.map(() => clock.tick());
    expectStrictlyIncreasing(stamps);
    // The wall it carries never goes back, even though the reading did.
    expect(stamps.map((stamp) => parseHlc(stamp)?.wallMs)).toEqual([
      MARCH_2026_MS,
      MARCH_2026_MS,
      MARCH_2026_MS,
      MARCH_2026_MS + 1,
      MARCH_2026_MS + 1,
      MARCH_2026_MS + 1,
      MARCH_2026_MS + 2,
    ]);
  });

  it('moves on to the next millisecond when the counter is used up, rather than wrapping', () => {
    const full = formatHlc({ wallMs: MARCH_2026_MS, counter: MAX_COUNTER, node: 'a' });
    const clock = new HybridClock('a', () => MARCH_2026_MS, full);
    const next = clock.tick();
    expect(next > full).toBe(true);
    expect(parseHlc(next)).toEqual({ wallMs: MARCH_2026_MS + 1, counter: 0, node: 'a' });
  });

  it('uses the last count of a millisecond before moving on to the next', () => {
    const nextToLast = formatHlc({ wallMs: MARCH_2026_MS, counter: MAX_COUNTER - 1, node: 'a' });
    const clock = new HybridClock('a', () => MARCH_2026_MS, nextToLast);
    expect(parseHlc(clock.tick())).toEqual({ wallMs: MARCH_2026_MS, counter: MAX_COUNTER, node: 'a' });
    expect(parseHlc(clock.tick())).toEqual({ wallMs: MARCH_2026_MS + 1, counter: 0, node: 'a' });
  });

  it('resumes after the last stamp it issued before a restart, even with its wall clock behind', () => {
    const before = formatHlc({ wallMs: MARCH_2026_MS, counter: 41, node: 'a' });
    const clock = new HybridClock('a', () => MARCH_2026_MS - 86_400_000, before);
    expect(clock.last).toBe(before);
    expect(clock.tick() > before).toBe(true);
  });

  it('starts from zero when the stamp it is given to resume from is malformed', () => {
    const clock = new HybridClock('a', () => MARCH_2026_MS, 'not a stamp');
    expect(clock.last).toBe(formatHlc({ wallMs: 0, counter: 0, node: 'a' }));
    expect(parseHlc(clock.tick())).toEqual({ wallMs: MARCH_2026_MS, counter: 0, node: 'a' });
  });

  it('ticks later than a stamp it observed from a device whose clock runs ahead', () => {
    const clock = new HybridClock('a', () => MARCH_2026_MS);
    clock.tick();
    const remote = formatHlc({ wallMs: MARCH_2026_MS + 90_000, counter: 12, node: 'b' });
    clock.observe(remote);
    const next = clock.tick();
    expect(next > remote).toBe(true);
    expect(parseHlc(next)).toEqual({ wallMs: MARCH_2026_MS + 90_000, counter: 13, node: 'a' });
  });

  it('ticks later than an observed stamp of the same wall and counter from a greater node', () => {
    const clock = new HybridClock('a', () => MARCH_2026_MS);
    const own = clock.tick();
    const remote = formatHlc({ wallMs: MARCH_2026_MS, counter: parseHlc(own)?.counter ?? 0, node: 'zzzz' });
    expect(remote > own).toBe(true);
    clock.observe(remote);
    expect(clock.tick() > remote).toBe(true);
  });

  it('ticks later than an observed stamp of the same wall time and a higher counter', () => {
    const clock = new HybridClock('a', () => MARCH_2026_MS);
    clock.tick();
    clock.observe(formatHlc({ wallMs: MARCH_2026_MS, counter: 50, node: 'b' }));
    expect(parseHlc(clock.tick())).toEqual({ wallMs: MARCH_2026_MS, counter: 51, node: 'a' });
  });

  it('never moves back for an older stamp it observes', () => {
    const clock = new HybridClock('a', () => MARCH_2026_MS);
    clock.tick();
    clock.tick();
    const lastBefore = clock.last;
    clock.observe(formatHlc({ wallMs: MARCH_2026_MS, counter: 0, node: 'b' }));
    clock.observe(formatHlc({ wallMs: MARCH_2026_MS - 1, counter: 900, node: 'b' }));
    expect(clock.last).toBe(lastBefore);
    expect(parseHlc(clock.tick())).toEqual({ wallMs: MARCH_2026_MS, counter: 2, node: 'a' });
  });

  it('ignores a malformed stamp it is asked to observe', () => {
    const clock = new HybridClock('a', () => MARCH_2026_MS);
    clock.tick();
    const lastBefore = clock.last;
    clock.observe('zzzzzzzzzz.0000.b');
    clock.observe('');
    expect(clock.last).toBe(lastBefore);
  });

  it('takes no view of how far ahead an observed stamp is: rejecting or restamping those is the caller’s job', () => {
    // SYNC.md §3 has the hub restamp stamps too far ahead (hub/sync/push.ts, MAX_FUTURE_MS)
    // before it observes them; the clock itself follows whatever it is shown.
    const clock = new HybridClock('a', () => MARCH_2026_MS);
    const farAhead = formatHlc({ wallMs: MARCH_2026_MS + 365 * 86_400_000, counter: 0, node: 'b' });
    clock.observe(farAhead);
    expect(clock.tick() > farAhead).toBe(true);
  });

  it('keeps stamps of two devices distinct and totally ordered at the same wall time', () => {
    const first = new HybridClock('aaaa', () => MARCH_2026_MS);
    const second = new HybridClock('bbbb', () => MARCH_2026_MS);
    const stamps = [first.tick(), second.tick(), first.tick(), second.tick()];
    expect(new Set(stamps).size).toBe(stamps.length);
    expect([...stamps].sort()).toEqual([stamps[0], stamps[1], stamps[2], stamps[3]]);
  });
});

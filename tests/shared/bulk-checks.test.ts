import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isFeedChanges, isSnapshotRows } from '#shared/sync/bulk-checks.ts';
import { feedChangeSchema } from '#shared/sync/protocol.ts';

const good = { table: 'patients', id: 'p1', kind: 'insert', columns: { id: 'p1', given_name: 'Priya', birth_date_estimated: 0, deleted_at: null }, hlc: '0mm8y14xb.0000.294d5aa47b92', clock: null, origin: 'd1' };

const variants: readonly [string, unknown][] = [
  ['a good change', good],
  ['per-column clocks', { ...good, clock: { '*': '0mm8y14xb.0000.294d5aa47b92' } }],
  ['a nested value', { ...good, columns: { id: { evil: true } } }],
  ['an array value', { ...good, columns: { id: ['x'] } }],
  ['text over the limit', { ...good, columns: { notes: 'x'.repeat(100_001) } }],
  ['a clock stamp of another shape', { ...good, hlc: '2026-03-02' }],
  ['an unknown kind', { ...good, kind: 'delete' }],
  ['a clock holding a number', { ...good, clock: { '*': 5 } }],
  ['no origin', { ...good, origin: undefined }],
  ['not an object', 'patients'],
];

describe('the hand-made checks of large sync pages', () => {
  it.each(variants)('agree with the protocol schema on %s', (_what, change) => {
    expect(isFeedChanges([change])).toBe(z.array(feedChangeSchema).safeParse([change]).success);
  });

  it('check snapshot rows: values of text, numbers or null, and string clocks', () => {
    expect(isSnapshotRows([{ values: { id: 'p1', n: 1, x: null }, clock: { '*': 'a' } }])).toBe(true);
    expect(isSnapshotRows([{ values: { id: 'p1', n: Number.NaN }, clock: {} }])).toBe(false);
    expect(isSnapshotRows([{ values: { id: 'p1' } }])).toBe(false);
    expect(isSnapshotRows({ rows: [] })).toBe(false);
  });
});

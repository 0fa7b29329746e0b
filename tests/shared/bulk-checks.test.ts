import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isFeedChanges, isSnapshotPage, pushTxsProblem } from '#shared/sync/bulk-checks.ts';
import { feedChangeSchema, pushRequestSchema, pushTxSchema } from '#shared/sync/protocol.ts';

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

  it('check a snapshot page: named columns, rows of text, numbers or null as long as the columns, a string clock per row', () => {
    const page = { columns: ['id', 'n', 'x'], rows: [['p1', 1, null]], clocks: [{ '*': 'a' }], next: null };
    expect(isSnapshotPage(page)).toBe(true);
    expect(isSnapshotPage({ ...page, next: 'p1' })).toBe(true);
    expect(isSnapshotPage({ ...page, rows: [['p1', Number.NaN, null]] })).toBe(false);
    expect(isSnapshotPage({ ...page, rows: [['p1', { evil: true }, null]] })).toBe(false);
    expect(isSnapshotPage({ ...page, rows: [['p1', 1]] })).toBe(false);
    expect(isSnapshotPage({ ...page, clocks: [] })).toBe(false);
    expect(isSnapshotPage({ ...page, clocks: [{ '*': 5 }] })).toBe(false);
    expect(isSnapshotPage({ ...page, columns: ['id', 'id', 'x'] })).toBe(false);
    expect(isSnapshotPage({ ...page, columns: ['id', '', 'x'] })).toBe(false);
    expect(isSnapshotPage({ ...page, next: 5 })).toBe(false);
    expect(isSnapshotPage({ rows: [] })).toBe(false);
  });
});

const op = { table: 'patients', id: 'p1', kind: 'update', columns: { given_name: 'Priya', birth_date_estimated: 0, deleted_at: null } };
const tx = { seq: 3, hlc: '0mm8y14xb.0000.294d5aa47b92', ops: [op] };

const pushVariants: readonly [string, unknown][] = [
  ['a good transaction', tx],
  ['an insert', { ...tx, ops: [{ ...op, kind: 'insert' }] }],
  ['the largest sequence number', { ...tx, seq: Number.MAX_SAFE_INTEGER }],
  ['sequence number 0', { ...tx, seq: 0 }],
  ['a fractional sequence number', { ...tx, seq: 1.5 }],
  ['an unsafe sequence number', { ...tx, seq: 2 ** 60 }],
  ['a sequence number as text', { ...tx, seq: '3' }],
  ['a stamp of another shape', { ...tx, hlc: '2026-03-02' }],
  ['no changes', { ...tx, ops: [] }],
  ['too many changes', { ...tx, ops: Array.from({ length: 5_001 }, () => op) }],
  ['an unknown key on the transaction', { ...tx, extra: 1 }],
  ['an unknown key on a change', { ...tx, ops: [{ ...op, extra: 1 }] }],
  ['an empty table name', { ...tx, ops: [{ ...op, table: '' }] }],
  ['a long table name', { ...tx, ops: [{ ...op, table: 't'.repeat(65) }] }],
  ['a long row id', { ...tx, ops: [{ ...op, id: 'x'.repeat(81) }] }],
  ['a row id as a number', { ...tx, ops: [{ ...op, id: 7 }] }],
  ['an unknown kind', { ...tx, ops: [{ ...op, kind: 'delete' }] }],
  ['columns as an array', { ...tx, ops: [{ ...op, columns: ['x'] }] }],
  ['an empty column name', { ...tx, ops: [{ ...op, columns: { '': 'x' } }] }],
  ['a long column name', { ...tx, ops: [{ ...op, columns: { ['c'.repeat(65)]: 'x' } }] }],
  ['a nested value', { ...tx, ops: [{ ...op, columns: { notes: { evil: true } } }] }],
  ['a boolean value', { ...tx, ops: [{ ...op, columns: { active: true } }] }],
  ['an infinite number', { ...tx, ops: [{ ...op, columns: { n: Number.POSITIVE_INFINITY } }] }],
  ['text over the limit', { ...tx, ops: [{ ...op, columns: { notes: 'x'.repeat(100_001) } }] }],
  ['not an object', 'tx'],
];

describe('the hand-made check of a push', () => {
  it.each(pushVariants)('agrees with the protocol schema on %s', (_what, candidate) => {
    expect(pushTxsProblem([candidate]) === null).toBe(z.array(pushTxSchema).min(1).max(5_000).safeParse([candidate]).success);
  });

  it('says where the problem is, as the hub tells the workstation', () => {
    const parsed = pushRequestSchema.safeParse({ txs: [tx, { ...tx, seq: 4, ops: [op, { ...op, columns: { notes: { evil: true } } }] }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['txs', 1, 'ops', 1, 'columns', 'notes']);
    expect(pushRequestSchema.safeParse({ txs: [] }).error?.issues[0]?.path).toEqual(['txs']);
    expect(pushRequestSchema.safeParse({}).success).toBe(false);
    expect(pushRequestSchema.safeParse({ txs: Array.from({ length: 5_001 }, (_, index) => ({ ...tx, seq: index + 1 })) }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ txs: [tx], gapAccepted: true }).data?.txs).toEqual([tx]);
  });
});

import { describe, expect, it } from 'vitest';
import { oneStatement } from '../../hub/sync/batch-writes.ts';
import { feedText, prepareChanges } from '../../hub/sync/feed-text.ts';
import type { FeedEntry } from '../../hub/sync/related-rows.ts';

const ORIGIN = '0190a7a2-0000-7000-8000-00000000d0e1';
const HLC = '2027-01-04T09:00:00.000Z-0000-dev1';
const RESTAMPED = '2027-01-04T09:00:05.000Z-0000-hub';

type Op = { table: 'patients' | 'appointments'; id: string; kind: 'insert' | 'update'; columns: Record<string, string | number | null> };
const ops: Op[] = [
  { table: 'patients', id: 'p1', kind: 'insert', columns: { id: 'p1', given_name: 'Zoë "Ngozi"', registered_clinic_id: 'c1' } },
  { table: 'appointments', id: 'a1', kind: 'insert', columns: { id: 'a1', patient_id: 'p1', clinic_id: 'c1', duration_min: 15 } },
  { table: 'patients', id: 'p1', kind: 'update', columns: { phone: null } },
];

function entriesOf(clinicId: string, hlc: string, asBytes: boolean, only?: readonly number[]): FeedEntry[] {
  const prepared = prepareChanges(ORIGIN, HLC, ops.map((op) => JSON.stringify(op)), asBytes);
  return ops.flatMap((op, index) =>
    only !== undefined && !only.includes(index) ? [] : [{ clinicId, table: op.table, rowId: op.id, kind: op.kind, columns: op.columns, hlc, clock: null, source: { prepared, index } }],
  );
}

/** What a pull must read back: each change with its origin and stamp. */
function expected(hlc: string, indexes: readonly number[]): unknown[] {
  return indexes.map((index) => ({ origin: ORIGIN, ...ops[index], hlc, clock: null }));
}

describe('a feed entry’s text', () => {
  for (const asBytes of [true, false]) {
    const form = asBytes ? 'bytes' : 'text';
    it(`holds a whole transaction under its own stamp as prepared before the lock (${form})`, () => {
      const entries = entriesOf('c1', HLC, asBytes);
      const text = feedText(entries, ORIGIN, asBytes);
      expect(JSON.parse(text.text.toString())).toEqual(expected(HLC, [0, 1, 2]));
      expect(text.changeCount).toBe(3);
      expect(text.body.toString()).toBe(text.text.toString().slice(1, -1));
      // The prepared text is the entry's text, byte for byte.
      expect(text.body.toString()).toBe(entries[0]?.source?.prepared.whole.toString());
    });

    it(`writes change by change a transaction the hub restamped, under the new stamp (${form})`, () => {
      const text = feedText(entriesOf('c1', RESTAMPED, asBytes), ORIGIN, asBytes);
      expect(JSON.parse(text.text.toString())).toEqual(expected(RESTAMPED, [0, 1, 2]));
    });

    it(`writes change by change the part of a transaction one clinic sees, with rows sent whole after it (${form})`, () => {
      const whole: FeedEntry = { clinicId: 'c2', table: 'patients', rowId: 'p9', kind: 'insert', columns: { id: 'p9', given_name: 'Ama' }, hlc: HLC, clock: { '*': HLC } };
      const entries = [...entriesOf('c2', HLC, asBytes, [0, 2]), ...entriesOf('c2', HLC, asBytes), whole];
      const text = feedText(entries, ORIGIN, asBytes);
      expect(JSON.parse(text.text.toString())).toEqual([
        ...expected(HLC, [0, 2]),
        ...expected(HLC, [0, 1, 2]),
        { origin: ORIGIN, table: 'patients', id: 'p9', kind: 'insert', columns: { id: 'p9', given_name: 'Ama' }, hlc: HLC, clock: { '*': HLC } },
      ]);
      expect(text.changeCount).toBe(6);
    });
  }
});

describe('a batch’s writes as one statement', () => {
  it('numbers each write’s parameters after those before it, and leaves the final query last', () => {
    const params = Array.from({ length: 11 }, (_, index) => `v${String(index + 1)}`);
    const combined = oneStatement(
      [
        { sql: 'insert into a (x, y) select * from unnest($1::text[], $11::text[])', params },
        { sql: 'update b set n = $2 where id = $1', params: ['b1', 7] },
      ],
      { sql: 'select pg_notify($1, c) from unnest($2::text[]) as c', params: ['chan', ['c1']] },
    );
    expect(combined.sql).toBe(
      'with w0 as (insert into a (x, y) select * from unnest($1::text[], $11::text[])), w1 as (update b set n = $13 where id = $12) select pg_notify($14, c) from unnest($15::text[]) as c',
    );
    expect(combined.params).toEqual([...params, 'b1', 7, 'chan', ['c1']]);
  });

  it('is the final query alone when there is nothing to write', () => {
    expect(oneStatement([], { sql: 'select $1', params: [1] })).toEqual({ sql: 'select $1', params: [1] });
  });
});

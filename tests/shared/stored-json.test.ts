import { describe, expect, it } from 'vitest';
import { DamagedSyncData, readFeedChanges, readRowClock, readRowValues, readStoredChanges } from '#shared/sync/stored-json.ts';

const STAMP = '0lzx3k2a1.0000.ws1';
const change = { table: 'patients', id: 'p1', kind: 'insert', columns: { given_name: 'Ada', birth_year: 1990, notes: null }, hlc: STAMP, clock: null };

describe('stored sync JSON, read back with the wire checks', () => {
  it('reads what the engine wrote', () => {
    expect(readRowClock(JSON.stringify({ '*': STAMP, given_name: STAMP }))).toEqual({ '*': STAMP, given_name: STAMP });
    expect(readRowValues(JSON.stringify(change.columns))).toEqual(change.columns);
    expect(readStoredChanges(JSON.stringify([change]))).toEqual([change]);
    expect(readFeedChanges(JSON.stringify([{ origin: 'dev1', ...change }]))).toEqual([{ origin: 'dev1', ...change }]);
  });

  it('stops on damaged text, naming what was damaged', () => {
    expect(() => readRowClock('{"*": 5}')).toThrow(new DamagedSyncData('A row clock is not a set of column stamps.'));
    expect(() => readRowClock('{"*":', "A parked row's clock")).toThrow(new DamagedSyncData("A parked row's clock is not JSON."));
    expect(() => readRowValues('[1, 2]', 'A parked row')).toThrow(new DamagedSyncData('A parked row is not a row of values.'));
    expect(() => readRowValues('{"weight": {"kg": 70}}')).toThrow(DamagedSyncData);
    expect(() => readStoredChanges(JSON.stringify([{ ...change, kind: 'delete' }]))).toThrow(new DamagedSyncData('A feed entry is not a list of changes.'));
    expect(() => readStoredChanges(JSON.stringify([{ ...change, hlc: 'yesterday' }]))).toThrow(DamagedSyncData);
    // A whole entry sent on names each change's origin.
    expect(() => readFeedChanges(JSON.stringify([change]))).toThrow(DamagedSyncData);
  });
});

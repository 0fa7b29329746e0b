import { describe, expect, it } from 'vitest';
import { formatHlc } from '#shared/sync/hlc.ts';
import { clockOf, incomingStamp, latestStamp, mergeChange, type IncomingChange, type MergeResult, type StoredRow, type SyncValue } from '#shared/sync/merge.ts';
import { appointmentStatusRanks, appointmentSyncTables } from '#shared/modules/appointments/sync-tables.ts';
import { auditSyncTables } from '#shared/modules/audit/sync-tables.ts';
import { patientSyncTables } from '#shared/modules/patients/sync-tables.ts';
import { queueStatusRanks, queueSyncTables } from '#shared/modules/queue/sync-tables.ts';
import type { SyncedTable } from '#shared/sync/tables.ts';
import { seededRandom } from '#core/demo/sample-names.ts';

// The tables as their modules declare them, so a change of a table's kind shows here.
const patients = patientSyncTables.patients;
const auditLog = auditSyncTables.audit_log;
const appointments = appointmentSyncTables.appointments;
const queueEntries = queueSyncTables.queue_entries;

const MARCH_2026_MS = Date.UTC(2026, 2, 2, 9, 30);

/** A stamp some seconds into the test morning, from one device. */
function at(seconds: number, node = 'a', counter = 0): string {
  return formatHlc({ wallMs: MARCH_2026_MS + seconds * 1_000, counter, node });
}

function insert(columns: Record<string, SyncValue>, hlc: string): IncomingChange {
  return { kind: 'insert', columns, hlc };
}

function update(columns: Record<string, SyncValue>, hlc: string): IncomingChange {
  return { kind: 'update', columns, hlc };
}

function stored(result: MergeResult): StoredRow {
  return { values: result.values, clock: result.clock };
}

/** Applies changes in order, as a replica does, starting from no row. */
function applyAll(table: SyncedTable, changes: readonly IncomingChange[]): StoredRow {
  let row: StoredRow | null = null;
  for (const change of changes) row = stored(mergeChange(table, row, change));
  if (row === null) throw new Error('no changes to apply');
  return row;
}

/** The stamp each column is held under, however the clock spells it ('*' or per column). */
function stampsByColumn(row: StoredRow): Record<string, string> {
  return Object.fromEntries(Object.keys(row.values).map((column) => [column, clockOf(row.clock, column)]));
}

/** A record as text with its keys sorted, so two equal records compare equal whatever order their keys were set in. */
function canonical(record: Readonly<Record<string, SyncValue>>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(record).sort(([left], [right]) => (left < right ? -1 : 1))));
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

const priya = { id: 'p1', given_name: 'Priya', family_name: 'Sharma', phone: '+91 98100 00001', deleted_at: null };

describe('latestStamp and clockOf', () => {
  it('latestStamp is the newest stamp of a row, whichever column holds it', () => {
    expect(latestStamp({ '*': at(1), given_name: at(30, 'b'), phone: at(20, 'c') })).toBe(at(30, 'b'));
    expect(latestStamp({ '*': at(50), given_name: at(30) })).toBe(at(50));
    expect(latestStamp({ phone: at(5, 'a', 2), given_name: at(5, 'a', 10) })).toBe(at(5, 'a', 10));
    expect(latestStamp({})).toBe('');
  });

  it("clockOf gives a column's own stamp, else the row's creation stamp, else nothing", () => {
    const clock = { '*': at(1), phone: at(20) };
    expect(clockOf(clock, 'phone')).toBe(at(20));
    expect(clockOf(clock, 'given_name')).toBe(at(1));
    expect(clockOf({ phone: at(20) }, 'given_name')).toBe('');
  });

  it("incomingStamp uses a change's own stamp, or the column's stamp when the whole row travels with its clock", () => {
    expect(incomingStamp(update({ phone: 'x' }, at(9)), 'phone')).toBe(at(9));
    expect(incomingStamp({ columns: { phone: 'x' }, hlc: at(9), clock: null }, 'phone')).toBe(at(9));
    const wholeRow: IncomingChange = { columns: priya, hlc: at(20), clock: { '*': at(1), phone: at(20) } };
    expect(incomingStamp(wholeRow, 'phone')).toBe(at(20));
    expect(incomingStamp(wholeRow, 'given_name')).toBe(at(1));
    // A clock with neither the column nor a creation stamp leaves the change's own stamp.
    expect(incomingStamp({ columns: priya, hlc: at(20), clock: { phone: at(20) } }, 'given_name')).toBe(at(20));
  });
});

describe('creating a row', () => {
  it("an insert stores every column under the row's creation stamp", () => {
    const created = mergeChange(patients, null, insert(priya, at(1)));
    expect(created.values).toEqual(priya);
    expect(created.clock).toEqual({ '*': at(1) });
    expect([...created.changedColumns].sort()).toEqual(Object.keys(priya).sort());
  });

  it('a row that travels whole keeps the per-column clock it came with', () => {
    const clock = { '*': at(1), phone: at(20, 'b') };
    const created = mergeChange(patients, null, { columns: priya, hlc: at(20, 'b'), clock });
    expect(created.clock).toEqual(clock);
  });

  it('an update that arrives before its row was created stamps only the columns it carries, so the later insert still fills the rest', () => {
    const early = mergeChange(patients, null, update({ id: 'p1', phone: '+91 98100 00002' }, at(20, 'b')));
    expect(early.clock).toEqual({ id: at(20, 'b'), phone: at(20, 'b') });

    const merged = mergeChange(patients, stored(early), insert(priya, at(1)));
    expect(merged.values).toEqual({ ...priya, phone: '+91 98100 00002' });
    expect(merged.changedColumns).not.toContain('phone');
  });
});

describe('registers: last writer wins per column, by HLC', () => {
  const created = stored(mergeChange(patients, null, insert(priya, at(1))));

  it('keeps both edits when two devices change different columns of one row, in either order', () => {
    const renamed = update({ given_name: 'Priyanka' }, at(20, 'a'));
    const newPhone = update({ phone: '+91 98100 00009' }, at(10, 'b'));
    const expected = { ...priya, given_name: 'Priyanka', phone: '+91 98100 00009' };
    expect(applyAll(patients, [insert(priya, at(1)), renamed, newPhone]).values).toEqual(expected);
    expect(applyAll(patients, [insert(priya, at(1)), newPhone, renamed]).values).toEqual(expected);
  });

  it('lets the later stamp win the same column whichever arrives last', () => {
    const earlier = update({ given_name: 'Pria' }, at(10, 'b'));
    const later = update({ given_name: 'Priyanka' }, at(20, 'a'));
    const laterLast = applyAll(patients, [insert(priya, at(1)), earlier, later]);
    const laterFirst = applyAll(patients, [insert(priya, at(1)), later, earlier]);
    expect(laterLast.values['given_name']).toBe('Priyanka');
    expect(laterFirst.values['given_name']).toBe('Priyanka');
    expect(laterFirst.clock).toEqual(laterLast.clock);
    expect(clockOf(laterFirst.clock, 'given_name')).toBe(at(20, 'a'));
  });

  it('does not let a stale change overwrite a newer value', () => {
    const edited = stored(mergeChange(patients, created, update({ phone: '+91 98100 00009' }, at(30, 'a'))));
    const stale = mergeChange(patients, edited, update({ phone: '+91 98100 00005' }, at(29, 'b')));
    expect(stale.values).toEqual(edited.values);
    expect(stale.clock).toEqual(edited.clock);
    expect(stale.changedColumns).toEqual([]);
  });

  it("does not let a change older than the row's creation overwrite it", () => {
    const stale = mergeChange(patients, created, update({ given_name: 'Old' }, formatHlc({ wallMs: MARCH_2026_MS, counter: 0, node: '0' })));
    expect(stale.values).toEqual(priya);
    expect(stale.changedColumns).toEqual([]);
  });

  it('orders stamps of the same millisecond by counter, then by node', () => {
    const byCounter = applyAll(patients, [insert(priya, at(1)), update({ phone: 'two' }, at(10, 'a', 2)), update({ phone: 'one' }, at(10, 'z', 1))]);
    expect(byCounter.values['phone']).toBe('two');
    const byNode = applyAll(patients, [insert(priya, at(1)), update({ phone: 'from b' }, at(10, 'b')), update({ phone: 'from a' }, at(10, 'a'))]);
    expect(byNode.values['phone']).toBe('from b');
  });

  it('compares each column of a row that travels whole by its own stamp', () => {
    const edited = stored(mergeChange(patients, created, update({ phone: 'local phone' }, at(30, 'a'))));
    const remoteRow: IncomingChange = {
      columns: { ...priya, given_name: 'Priyanka', family_name: 'Sharma-Rao', phone: 'remote phone' },
      hlc: at(40, 'b'),
      clock: { '*': at(1), given_name: at(40, 'b'), family_name: at(35, 'b'), phone: at(25, 'b') },
    };
    const merged = mergeChange(patients, edited, remoteRow);
    expect(merged.values).toEqual({ ...priya, given_name: 'Priyanka', family_name: 'Sharma-Rao', phone: 'local phone' });
    // Each winning column keeps the stamp it was set under, not the newest stamp of the row it travelled in.
    expect(merged.clock).toEqual({ '*': at(1), given_name: at(40, 'b'), family_name: at(35, 'b'), phone: at(30, 'a') });
    expect([...merged.changedColumns].sort()).toEqual(['family_name', 'given_name']);
  });

  it('lists only columns whose value changed, though a winning equal value still takes the newer stamp', () => {
    const merged = mergeChange(patients, created, update({ given_name: 'Priya', phone: 'new' }, at(20)));
    expect(merged.changedColumns).toEqual(['phone']);
    expect(merged.clock).toEqual({ '*': at(1), given_name: at(20), phone: at(20) });
  });

  it('picks the same value in every order when one stamp was reused for two values', () => {
    const one = update({ phone: 'aaa' }, at(20));
    const other = update({ phone: 'bbb' }, at(20));
    expect(applyAll(patients, [insert(priya, at(1)), one, other]).values['phone']).toBe('bbb');
    expect(applyAll(patients, [insert(priya, at(1)), other, one]).values['phone']).toBe('bbb');
  });

  it('does not change the stored row it was given', () => {
    const before = structuredClone(created);
    mergeChange(patients, created, update({ given_name: 'Priyanka' }, at(20)));
    expect(created).toEqual(before);
  });
});

describe('deletes are tombstones merged like any column', () => {
  const deletedAt = '2026-03-02T09:31:00.000Z';

  it('a later delete wins, and an edit of another column made meanwhile survives it', () => {
    const deletion = update({ deleted_at: deletedAt }, at(30, 'a'));
    const edit = update({ phone: 'new' }, at(20, 'b'));
    for (const order of [
      [deletion, edit],
      [edit, deletion],
    ]) {
      expect(applyAll(patients, [insert(priya, at(1)), ...order]).values).toEqual({ ...priya, phone: 'new', deleted_at: deletedAt });
    }
  });

  it('a stale delete does not remove a row restored later, nor a stale restore revive a row deleted later', () => {
    const deletion = update({ deleted_at: deletedAt }, at(10, 'a'));
    const restore = update({ deleted_at: null }, at(20, 'b'));
    expect(applyAll(patients, [insert(priya, at(1)), restore, deletion]).values['deleted_at']).toBeNull();
    expect(applyAll(patients, [insert(priya, at(1)), deletion, restore]).values['deleted_at']).toBeNull();

    const laterDeletion = update({ deleted_at: deletedAt }, at(30, 'a'));
    expect(applyAll(patients, [insert(priya, at(1)), laterDeletion, restore]).values['deleted_at']).toBe(deletedAt);
    expect(applyAll(patients, [insert(priya, at(1)), restore, laterDeletion]).values['deleted_at']).toBe(deletedAt);
  });
});

describe('ledgers are insert-only', () => {
  const entry = { id: 'e1', action: 'patient.create', actor_id: 'u1', at: '2026-03-02T09:30:00.000Z' };
  const created = stored(mergeChange(auditLog, null, insert(entry, at(1))));

  it('store an entry once as it arrives', () => {
    expect(created.values).toEqual(entry);
  });

  it.each([
    ['a later update', update({ action: 'patient.delete' }, at(60, 'b'))],
    ['a later insert of the same key', insert({ ...entry, action: 'patient.delete' }, at(60, 'b'))],
    ['a whole row with later clocks', { columns: { ...entry, action: 'patient.delete' }, hlc: at(60, 'b'), clock: { '*': at(60, 'b') } }],
  ] satisfies [string, IncomingChange][])('ignore %s to a stored entry', (_what, change) => {
    const merged = mergeChange(auditLog, created, change);
    expect(merged.values).toEqual(entry);
    expect(merged.clock).toEqual(created.clock);
    expect(merged.changedColumns).toEqual([]);
  });
});

describe('state machines: the status only moves up its ranks', () => {
  const booked = { id: 'a1', clinic_id: 'c1', status: 'SCHEDULED', notes: null, deleted_at: null };
  const created = stored(mergeChange(appointments, null, insert(booked, at(1))));

  it('keeps a completed appointment completed against a stale "scheduled" with a later stamp', () => {
    const completed = stored(mergeChange(appointments, created, update({ status: 'COMPLETED' }, at(20, 'a'))));
    const staleReschedule = mergeChange(appointments, completed, update({ status: 'SCHEDULED' }, at(30, 'b')));
    expect(staleReschedule.values['status']).toBe('COMPLETED');
    expect(staleReschedule.clock).toEqual(completed.clock);
    expect(staleReschedule.changedColumns).toEqual([]);
  });

  it('moves up to a higher rank even when its stamp is older than the stored one', () => {
    const checkedIn = stored(mergeChange(appointments, created, update({ status: 'CHECKED_IN' }, at(30, 'b'))));
    const completedOffline = mergeChange(appointments, checkedIn, update({ status: 'COMPLETED' }, at(20, 'a')));
    expect(completedOffline.values['status']).toBe('COMPLETED');
    expect(clockOf(completedOffline.clock, 'status')).toBe(at(20, 'a'));
    expect(completedOffline.changedColumns).toEqual(['status']);
  });

  it('follows the declared appointment ranks: a cancellation beats a no-show and check-in, not a completion', () => {
    expect(appointmentStatusRanks.CANCELLED).toBeGreaterThan(appointmentStatusRanks.CHECKED_IN);
    const cancelled = stored(mergeChange(appointments, created, update({ status: 'CANCELLED' }, at(10, 'a'))));
    for (const status of ['SCHEDULED', 'NO_SHOW', 'CHECKED_IN']) {
      expect(mergeChange(appointments, cancelled, update({ status }, at(99, 'b'))).values['status'], status).toBe('CANCELLED');
    }
    expect(mergeChange(appointments, cancelled, update({ status: 'COMPLETED' }, at(5, 'b'))).values['status']).toBe('COMPLETED');
  });

  it('falls back to the stamp between statuses of equal rank (waiting and called), in both directions', () => {
    expect(queueStatusRanks.WAITING).toBe(queueStatusRanks.CALLED);
    const waiting = { id: 'q1', clinic_id: 'c1', status: 'WAITING', token: 7, deleted_at: null };
    const called = update({ status: 'CALLED' }, at(20, 'a'));
    const backToWaiting = update({ status: 'WAITING' }, at(30, 'b'));
    expect(applyAll(queueEntries, [insert(waiting, at(1)), called]).values['status']).toBe('CALLED');
    expect(applyAll(queueEntries, [insert(waiting, at(1)), called, backToWaiting]).values['status']).toBe('WAITING');
    expect(applyAll(queueEntries, [insert(waiting, at(1)), backToWaiting, called]).values['status']).toBe('WAITING');
    const staleCall = update({ status: 'CALLED' }, at(10, 'c'));
    expect(applyAll(queueEntries, [insert(waiting, at(1)), backToWaiting, staleCall]).values['status']).toBe('WAITING');
  });

  it('still merges its other columns last-writer-wins, even from a change whose status lost', () => {
    const completed = stored(mergeChange(appointments, created, update({ status: 'COMPLETED', notes: 'seen' }, at(20, 'a'))));
    const staleWithNote = mergeChange(appointments, completed, update({ status: 'SCHEDULED', notes: 'rebook next week' }, at(30, 'b')));
    expect(staleWithNote.values).toEqual({ ...booked, status: 'COMPLETED', notes: 'rebook next week' });
    expect(staleWithNote.changedColumns).toEqual(['notes']);
    const staleNote = mergeChange(appointments, completed, update({ notes: 'older note' }, at(15, 'b')));
    expect(staleNote.values['notes']).toBe('seen');
  });

  it('ranks only its status column: another column holding a status name merges by stamp', () => {
    const noted = stored(mergeChange(appointments, created, update({ notes: 'COMPLETED' }, at(20, 'a'))));
    expect(mergeChange(appointments, noted, update({ notes: 'SCHEDULED' }, at(30, 'b'))).values['notes']).toBe('SCHEDULED');
  });

  it('does not rank a register: a later "scheduled" there simply wins', () => {
    const row = { id: 'x1', status: 'COMPLETED' };
    const later = mergeChange(patients, stored(mergeChange(patients, null, insert(row, at(1)))), update({ status: 'SCHEDULED' }, at(30)));
    expect(later.values['status']).toBe('SCHEDULED');
  });
});

describe('convergence and idempotence', () => {
  const booked = { id: 'a1', clinic_id: 'c1', status: 'SCHEDULED', notes: null, deleted_at: null };
  /** One appointment as three devices and the hub saw it over a morning, some of it offline. */
  const appointmentChanges: readonly IncomingChange[] = [
    insert(booked, at(1, 'a')),
    update({ status: 'CHECKED_IN' }, at(20, 'b')),
    update({ notes: 'fever, 3 days' }, at(25, 'a')),
    update({ notes: 'fever, 3 days; cough' }, at(25, 'c')),
    update({ status: 'SCHEDULED', notes: 'moved to 11:00' }, at(30, 'c')),
    update({ status: 'CANCELLED' }, at(35, 'a', 1)),
    update({ status: 'COMPLETED' }, at(32, 'b')),
    update({ deleted_at: '2026-03-02T10:00:00.000Z' }, at(40, 'a')),
  ];

  it('gives the same appointment in every order the changes can arrive in', () => {
    const orders = permutations(appointmentChanges);
    expect(orders).toHaveLength(40_320);
    const reference = applyAll(appointments, appointmentChanges);
    expect(reference.values).toEqual({ ...booked, status: 'COMPLETED', notes: 'moved to 11:00', deleted_at: '2026-03-02T10:00:00.000Z' });
    const referenceStamps = stampsByColumn(reference);
    for (const order of orders) {
      const row = applyAll(appointments, order);
      if (canonical(row.values) !== canonical(reference.values) || canonical(stampsByColumn(row)) !== canonical(referenceStamps)) {
        expect.fail(`order ${order.map((change) => appointmentChanges.indexOf(change)).join(',')} gave ${JSON.stringify(row)}`);
      }
      // Where the creation came first, even the spelling of the clock is the same.
      if (order[0] === appointmentChanges[0] && canonical(row.clock) !== canonical(reference.clock)) {
        expect.fail(`order ${order.map((change) => appointmentChanges.indexOf(change)).join(',')} gave clock ${JSON.stringify(row.clock)}`);
      }
    }
  });

  it('gives the same patient and queue entry over many seeded random orders, with repeats', () => {
    const patientChanges: IncomingChange[] = [insert(priya, at(1, 'a'))];
    const queueChanges: IncomingChange[] = [insert({ id: 'q1', clinic_id: 'c1', status: 'WAITING', token: 7, deleted_at: null }, at(1, 'a'))];
    const random = seededRandom(2026);
    const queueStatuses = Object.keys(queueStatusRanks);
    const columns = ['given_name', 'family_name', 'phone', 'deleted_at'];
    for (let index = 0; index < 24; index++) {
      const stamp = at(2 + Math.floor(random() * 10), 'abc'[Math.floor(random() * 3)], Math.floor(random() * 3));
      const column = columns[Math.floor(random() * columns.length)] ?? 'phone';
      patientChanges.push(update({ [column]: `v${index}` }, stamp));
      queueChanges.push(update({ status: queueStatuses[Math.floor(random() * queueStatuses.length)] ?? 'WAITING', token: index }, stamp));
    }
    for (const [table, changes] of [
      [patients, patientChanges],
      [queueEntries, queueChanges],
    ] as const) {
      const reference = applyAll(table, changes);
      for (let round = 0; round < 300; round++) {
        const withRepeats = [...changes, ...changes.filter(() => random() < 0.2)];
        const row = applyAll(table, shuffled(withRepeats, random));
        expect(row.values).toEqual(reference.values);
        expect(stampsByColumn(row)).toEqual(stampsByColumn(reference));
      }
    }
  });

  it('applies a change twice exactly as once', () => {
    for (const [table, start, change] of [
      [patients, insert(priya, at(1)), update({ phone: 'new', given_name: 'Priyanka' }, at(20))],
      [patients, insert(priya, at(1)), { columns: { ...priya, phone: 'whole' }, hlc: at(20, 'b'), clock: { '*': at(1), phone: at(20, 'b') } }],
      [appointments, insert(booked, at(1)), update({ status: 'CHECKED_IN', notes: 'ok' }, at(20))],
      [auditLog, insert({ id: 'e1', action: 'x' }, at(1)), insert({ id: 'e1', action: 'x' }, at(1))],
    ] satisfies [SyncedTable, IncomingChange, IncomingChange][]) {
      const once = mergeChange(table, stored(mergeChange(table, null, start)), change);
      const twice = mergeChange(table, stored(once), change);
      expect(twice.values).toEqual(once.values);
      expect(twice.clock).toEqual(once.clock);
      expect(twice.changedColumns).toEqual([]);
    }
  });
});

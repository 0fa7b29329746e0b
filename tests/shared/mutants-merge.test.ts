import { describe, expect, it } from 'vitest';
import { formatHlc } from '#shared/sync/hlc.ts';
import { mergeChange, type StoredRow } from '#shared/sync/merge.ts';
import { appointmentSyncTables } from '#shared/modules/appointments/sync-tables.ts';
import { patientSyncTables } from '#shared/modules/patients/sync-tables.ts';

// Survivors of mutation testing (tests/mutation): the edges of the rank rule where one side's
// status has no rank, and a whole row that travels with its clock stated as null.
const appointments = appointmentSyncTables.appointments;
const patients = patientSyncTables.patients;
const MORNING_MS = Date.UTC(2026, 2, 2, 9, 30);
const at = (seconds: number): string => formatHlc({ wallMs: MORNING_MS + seconds * 1_000, counter: 0, node: 'a' });

function storedAppointment(status: string | null, stamp: string): StoredRow {
  return { values: { id: 'ap-1', status }, clock: { '*': at(0), status: stamp } };
}

describe('the rank rule when a status has no rank', () => {
  it('lets a later status this version does not know replace a ranked one by its stamp', () => {
    const merged = mergeChange(appointments, storedAppointment('SCHEDULED', at(10)), { kind: 'update', columns: { status: 'ON_HOLD' }, hlc: at(20) });
    expect(merged.values.status).toBe('ON_HOLD');
    expect(merged.changedColumns).toEqual(['status']);
  });

  it('keeps a later unknown status against an earlier ranked one, though the ranked one is higher', () => {
    const merged = mergeChange(appointments, storedAppointment('ON_HOLD', at(20)), { kind: 'update', columns: { status: 'CHECKED_IN' }, hlc: at(10) });
    expect(merged.values.status).toBe('ON_HOLD');
    expect(merged.changedColumns).toEqual([]);
  });

  it('lets a later ranked status replace an unknown one', () => {
    const merged = mergeChange(appointments, storedAppointment('ON_HOLD', at(10)), { kind: 'update', columns: { status: 'CHECKED_IN' }, hlc: at(20) });
    expect(merged.values.status).toBe('CHECKED_IN');
  });
});

describe('creating a row from a change whose clock is null', () => {
  it('stores every column under the change’s stamp, as the creation stamp', () => {
    const merged = mergeChange(patients, null, { kind: 'insert', columns: { id: 'p-1', full_name: 'Ada' }, hlc: at(5), clock: null });
    expect(merged.clock).toEqual({ '*': at(5) });
  });

  it('stamps only the columns an early update carries', () => {
    const merged = mergeChange(patients, null, { kind: 'update', columns: { full_name: 'Ada' }, hlc: at(5), clock: null });
    expect(merged.clock).toEqual({ full_name: at(5) });
  });
});

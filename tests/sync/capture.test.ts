import type { ClinicId } from '#shared/domain/ids.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allocateNumber } from '#core/references/number-blocks.ts';
import { restoreTriggers, setTriggersAside } from '#core/sync/bulk-triggers.ts';
import { setSyncMode, SYNC_MODE } from '#core/sync/change-stamps.ts';
import { patientInput, setUpClinic, startHarness, type Harness } from '#tests/support/core-harness.ts';

type OutboxRow = { txn: number; hlc: string; tbl: string; row_id: string; kind: string; data: string; changed: string | null };

describe('change capture in SQLite triggers', () => {
  let harness: Harness;
  let admin: string;
  beforeEach(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
  });
  afterEach(() => harness.close());

  const outbox = (): OutboxRow[] => harness.core.database.sqlite.prepare('select txn, hlc, tbl, row_id, kind, data, changed from sync_outbox order by seq').all() as OutboxRow[];
  const clockOf = (table: string, id: string): Record<string, string> => JSON.parse(harness.core.database.sqlite.prepare(`select sync_clock from ${table} where id = ?`).pluck().get(id) as string) as Record<string, string>;

  it('keeps column clocks but queues nothing while standalone', async () => {
    const patient = await harness.call('patients.register', { ...patientInput(), notADuplicate: false }, admin);
    expect(outbox()).toEqual([]);
    expect(Object.keys(clockOf('patients', patient.id))).toEqual(['*']);
  });

  it('queues every change of a connected workstation, a whole transaction under one number', async () => {
    // A connected workstation numbers from blocks the hub leased it; here, one leased beforehand.
    const clinicId = harness.core.database.sqlite.prepare('select id from clinics').pluck().get() as ClinicId;
    allocateNumber(harness.core.database.db, { clinicId, series: 'M', deviceId: harness.core.identity.deviceId, nowMs: 0 });
    setSyncMode(harness.core.database.db, SYNC_MODE.connected);
    const patient = await harness.call('patients.register', { ...patientInput({ allergies: [{ substance: 'Latex', reaction: '', severity: 'MILD' }] }), notADuplicate: false }, admin);
    const registration = outbox().filter((row) => row.tbl !== 'audit_log');
    expect(registration.map((row) => [row.tbl, row.kind])).toEqual([
      ['patients', 'insert'],
      ['patient_allergies', 'insert'],
    ]);
    const [first] = outbox();
    expect(new Set(outbox().map((row) => row.txn)).size).toBe(1);
    expect(outbox().map((row) => row.tbl)).toContain('audit_log');
    expect(JSON.parse(first?.data ?? '{}')).toMatchObject({ id: patient.id, given_name: 'Priya', mrn: 'RFC01-M1002' });

    const before = clockOf('patients', patient.id);
    harness.clock.advance(1000);
    await harness.call('patients.update', { ...patientInput({ phone: '0117 496 0000', allergies: [] }), patientId: patient.id }, admin);
    const update = outbox().find((row) => row.tbl === 'patients' && row.kind === 'update');
    // The edit drops the one allergy too, so the allergy status falls back to "not recorded".
    expect(JSON.parse(update?.changed ?? '[]')).toEqual(['phone', 'phone_digits_reversed', 'updated_at', 'allergy_status']);
    const after = clockOf('patients', patient.id);
    expect(after['*']).toBe(before['*']);
    expect(after['phone']).toBe(update?.hlc);
    expect(after['given_name']).toBeUndefined();
    expect((update?.hlc ?? '') > (first?.hlc ?? '')).toBe(true);
  });

  it('captures nothing while the sync engine applies remote changes', async () => {
    setSyncMode(harness.core.database.db, SYNC_MODE.applying);
    await harness.call('patients.register', { ...patientInput(), notADuplicate: false }, admin);
    expect(outbox()).toEqual([]);
  });

  it('refuses to hard-delete a replicated row', () => {
    expect(() => harness.core.database.sqlite.prepare('delete from clinics').run()).toThrow(/never deleted/);
    expect(() => harness.core.database.sqlite.prepare('delete from audit_log').run()).toThrow(/append-only/);
  });

  it('sets the triggers aside for a first sync, keeps the guards, and puts them back exactly', () => {
    const sqlite = harness.core.database.sqlite;
    const triggers = (): { name: string; sql: string }[] => sqlite.prepare(`select name, sql from sqlite_master where type = 'trigger' order by name`).all() as { name: string; sql: string }[];
    const before = triggers();
    setTriggersAside(sqlite);
    const aside = triggers();
    expect(aside.length).toBeLessThan(before.length);
    expect(aside.every((trigger) => trigger.name.endsWith('_no_delete') || !/ on `?(patients|appointments|queue_entries)`? /i.test(trigger.sql))).toBe(true);
    expect(aside.some((trigger) => trigger.name === 'patients_no_delete'), 'the guards stay').toBe(true);
    setTriggersAside(sqlite);
    expect(restoreTriggers(sqlite)).toBe(before.length - aside.length);
    expect(triggers()).toEqual(before);
    expect(restoreTriggers(sqlite), 'nothing left to put back').toBe(0);
  });
});

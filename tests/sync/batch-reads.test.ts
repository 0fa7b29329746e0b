import { afterEach, describe, expect, it } from 'vitest';
import type { HubQueries } from '#hub/db/hub-db.ts';
import { migrateHub } from '#hub/db/migrate.ts';
import { hubMigrationsDir } from '#hub/hub-service.ts';
import { BatchState } from '#hub/sync/batch-state.ts';
import { noPostgresReason, postgresUrl } from '#tests/support/postgres.ts';
import { openScratchHubDb, type ScratchHubDb } from '#tests/support/scratch-hub-db.ts';

// What a push batch reads before it applies (preload.ts) goes as one statement of several parts:
// each row must come back as stored, whatever its table, and the rows of every part reach their
// own place in the batch's state.

const CLINIC_A = 'clinic-a';
const CLINIC_B = 'clinic-b';
const DEVICE = '01930000-0000-7000-8000-000000000001';
const QUEUE_CLOCK = { token: '0jz5k2m3p.0001.ws1', status: '0jz5k2m3q.0000.ws2' };

/** The database, counting the statements sent to it. */
function counting(db: HubQueries): { queries: HubQueries; sent: () => number } {
  let sent = 0;
  return {
    queries: {
      query: (sql, params) => {
        sent += 1;
        return db.query(sql, params);
      },
    },
    sent: () => sent,
  };
}

describe.each(['pglite', 'postgres'] as const)('a push batch’s reads on %s', (kind) => {
  const skip = kind === 'postgres' && postgresUrl === null;
  let opened: ScratchHubDb | null = null;
  afterEach(async () => {
    await opened?.close();
    opened = null;
  });

  async function storedClinic(): Promise<HubQueries> {
    opened = await openScratchHubDb(kind, 'clinic_batch_reads');
    const { db } = opened;
    await migrateHub(db, hubMigrationsDir);
    await db.query(`insert into hub_devices (id, name, database_id, credential_hash) values ($1, 'Front desk', 'db-1', 'hash-1')`, [DEVICE]);
    await db.query(`insert into hub_device_clinics (device_id, clinic_id, workstation_number) values ($1, $2, 1), ($1, $3, 4)`, [DEVICE, CLINIC_A, CLINIC_B]);
    await db.query(`insert into patients (id, mrn, registered_clinic_id, given_name, sync_clock) values ('patient-1', 'M-1', $1, 'Ngozi O’Brien "Ngo"', '{}')`, [CLINIC_A]);
    await db.query(`insert into patient_clinics (id, patient_id, clinic_id) values ('link-1', 'patient-1', $1), ('link-2', 'patient-1', $2)`, [CLINIC_A, CLINIC_B]);
    await db.query(`insert into queue_entries (id, clinic_id, token, token_number, patient_id, room, sync_clock) values ('queue-1', $1, 'A7', $2, 'patient-1', null, $3)`, [CLINIC_A, Number.MAX_SAFE_INTEGER, JSON.stringify(QUEUE_CLOCK)]);
    return db;
  }

  it.skipIf(skip)(`reads rows by key, by owner and devices’ clinics in one statement, as stored${skip ? ` (${noPostgresReason})` : ''}`, async () => {
    const db = counting(await storedClinic());
    const state = new BatchState(db.queries);
    await state.read([
      { table: 'patients', ids: ['patient-1', 'patient-new'], lock: 'forUpdate' },
      { table: 'queue_entries', ids: ['queue-1'], lock: 'forUpdate' },
      { linksOf: 'patient', values: ['patient-1', 'patient-new'] },
      { deviceIds: [DEVICE, '01930000-0000-7000-8000-000000000099'] },
    ]);
    expect(db.sent()).toBe(1);

    const queue = state.get('queue_entries', 'queue-1');
    expect(queue?.values).toMatchObject({ id: 'queue-1', clinic_id: CLINIC_A, token: 'A7', token_number: Number.MAX_SAFE_INTEGER, patient_id: 'patient-1', room: null });
    expect(queue?.clock).toEqual(QUEUE_CLOCK);
    expect(state.get('patients', 'patient-1')?.values['given_name']).toBe('Ngozi O’Brien "Ngo"');
    expect(state.wasAbsent('patients', 'patient-1')).toBe(false);

    // Looked for and not there: held as absent, so the batch creates it and reads it no more.
    expect(state.has('patients', 'patient-new')).toBe(true);
    expect(state.get('patients', 'patient-new')).toBeNull();
    expect(state.wasAbsent('patients', 'patient-new')).toBe(true);

    expect([...state.clinicsOfSubject('patient', 'patient-1')].sort()).toEqual([CLINIC_A, CLINIC_B]);
    expect(state.deviceClinics.get(DEVICE)?.toSorted()).toEqual([CLINIC_A, CLINIC_B]);
    expect(state.deviceClinics.get('01930000-0000-7000-8000-000000000099')).toEqual([]);
  });

  it.skipIf(skip)('reads nothing again that the batch holds, and sends nothing when all is held', async () => {
    const db = counting(await storedClinic());
    const state = new BatchState(db.queries);
    await state.read([{ table: 'queue_entries', ids: ['queue-1'], lock: 'forUpdate' }, { deviceIds: [DEVICE] }]);
    await state.read([{ table: 'queue_entries', ids: ['queue-1'] }, { deviceIds: [DEVICE] }]);
    expect(db.sent()).toBe(1);
    await state.read([{ table: 'queue_entries', ids: ['queue-1', 'queue-2'] }]);
    expect(db.sent()).toBe(2);
    expect(state.wasAbsent('queue_entries', 'queue-2')).toBe(true);
    expect(state.get('queue_entries', 'queue-1')?.values['token']).toBe('A7');
  });
});

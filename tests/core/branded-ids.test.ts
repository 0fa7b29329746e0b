import { describe, expect, it } from 'vitest';
import { clinicIdSchema, deviceIdSchema, patientIdSchema, userIdSchema, type ClinicId, type PatientId, type UserId } from '#shared/domain/ids.ts';
import type { Db } from '#core/db/database.ts';
import { findClinic } from '#core/modules/clinics/index.ts';
import { findPatient } from '#core/modules/patients/patient-rows.ts';
import { newClinicId, newDeviceId, newPatientId, newUserId } from '#core/platform/ids.ts';

// The type half of this test is checked by `npm run typecheck`, which `npm test` runs first: each
// expected-error directive below fails the typecheck when the line under it compiles, that is,
// when one kind of id is accepted where another is expected. The function is never called.

/** A patient's id where a clinic's is expected, and the reverse, do not compile. */
export function mixedUpIds(db: Db, patientId: PatientId, clinicId: ClinicId, userId: UserId): void {
  // @ts-expect-error a patient id is not a clinic id
  findClinic(db, patientId);
  // @ts-expect-error a clinic id is not a patient id
  findPatient(db, clinicId);
  // @ts-expect-error a user id is not a patient id
  findPatient(db, userId);
  // @ts-expect-error text from outside is not an id until it is parsed
  findPatient(db, 'a8d5c6f0-0000-7000-8000-000000000000');
  findPatient(db, patientId);
  findClinic(db, clinicId);
}

describe('branded ids', () => {
  it('are made as UUIDv7 text, one kind per function', () => {
    const made = [newPatientId(), newClinicId(), newUserId(), newDeviceId()];
    for (const id of made) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(made).size).toBe(4);
  });

  it('are parsed from text at the edges, with a clear message for anything else', () => {
    const id = newPatientId();
    expect(patientIdSchema.parse(id)).toBe(id);
    for (const schema of [patientIdSchema, clinicIdSchema, userIdSchema, deviceIdSchema]) {
      const refused = schema.safeParse('not-an-id');
      expect(refused.success).toBe(false);
      expect(refused.error?.issues[0]?.message).toBe('Not a valid record id');
    }
  });
});

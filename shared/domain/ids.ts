import { z } from 'zod';

// Ids of different things are different types: a patient's id passed where a clinic's is
// expected does not compile. The brand exists only for the compiler; on disk and on the wire an
// id is its text. An id gets its brand where it enters: parsed by a call's schema, read from a
// table whose column declares it, or made by newId for a row of that table.

export const patientIdSchema = z.uuid({ error: 'Not a valid record id' }).brand<'PatientId'>();
export type PatientId = z.infer<typeof patientIdSchema>;

export const organizationIdSchema = z.uuid({ error: 'Not a valid record id' }).brand<'OrganizationId'>();
export type OrganizationId = z.infer<typeof organizationIdSchema>;

export const clinicIdSchema = z.uuid({ error: 'Not a valid record id' }).brand<'ClinicId'>();
export type ClinicId = z.infer<typeof clinicIdSchema>;

export const userIdSchema = z.uuid({ error: 'Not a valid record id' }).brand<'UserId'>();
export type UserId = z.infer<typeof userIdSchema>;

export const deviceIdSchema = z.uuid({ error: 'Not a valid record id' }).brand<'DeviceId'>();
export type DeviceId = z.infer<typeof deviceIdSchema>;

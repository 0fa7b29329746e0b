import { z } from 'zod';
import { localDateSchema, requiredText, uuidSchema } from '../../domain/fields.ts';
import { defineCall, rolesAccess } from '../../api/define.ts';
import { appointmentSchema } from '../appointments/index.ts';
import { patientRecordSchema } from '../patients/index.ts';
import { queueEntrySchema } from '../queue/index.ts';
import { diagnosisCertainties, diagnosisInputSchema, diagnosisRanks, encounterOrigins, encounterStatuses, soapSchema } from './encounter.ts';
import { vitalKinds, vitalsInputSchema } from './vitals.ts';

const patientId = z.uuid({ error: 'Choose a patient' }).brand<'PatientId'>();
const encounterId = uuidSchema;

export const encounterSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(encounterStatuses),
  origin: z.enum(encounterOrigins),
  patient: z.object({ id: z.string(), mrn: z.string(), givenName: z.string(), familyName: z.string() }),
  doctor: z.object({ userId: z.string(), fullName: z.string() }),
  clinicCode: z.string(),
  queueEntryId: z.string().nullable(),
  appointmentReference: z.string().nullable(),
  startedAt: z.string(),
  signedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});
export type EncounterSummary = z.infer<typeof encounterSummarySchema>;

export const vitalReadingSchema = z.object({
  id: z.string(),
  encounterId: z.string().nullable(),
  kind: z.enum(vitalKinds),
  value: z.number(),
  unit: z.string(),
  loinc: z.string(),
  flag: z.enum(['LOW', 'HIGH']).nullable(),
  measuredAt: z.string(),
  recordedByName: z.string().nullable(),
});
export type VitalReading = z.infer<typeof vitalReadingSchema>;

export const diagnosisSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  rank: z.enum(diagnosisRanks),
  certainty: z.enum(diagnosisCertainties),
  chronic: z.boolean(),
});
export type Diagnosis = z.infer<typeof diagnosisSchema>;

/** A signed note or an amendment of one: never changed once written. */
export const signedNoteSchema = soapSchema.extend({
  id: z.string(),
  encounterId: z.string(),
  kind: z.enum(['ORIGINAL', 'AMENDMENT']),
  amendsNoteId: z.string().nullable(),
  reason: z.string(),
  authorName: z.string(),
  signedAt: z.string(),
  diagnoses: z.array(diagnosisSchema),
});
export type SignedNote = z.infer<typeof signedNoteSchema>;

export const noteDraftSchema = soapSchema.extend({
  id: z.string(),
  version: z.number(),
  diagnoses: z.array(diagnosisInputSchema),
  updatedAt: z.string(),
  deviceName: z.string(),
});
export type NoteDraft = z.infer<typeof noteDraftSchema>;

export const problemSchema = z.object({ source: z.enum(['REGISTRATION', 'DIAGNOSIS']), name: z.string(), code: z.string().nullable(), since: z.string().nullable() });
export type Problem = z.infer<typeof problemSchema>;

export const billableItemSchema = z.object({ id: z.string(), code: z.string(), description: z.string(), quantity: z.number(), unitPriceMinor: z.number() });
export type BillableItem = z.infer<typeof billableItemSchema>;

export const encounterDetailSchema = z.object({
  encounter: encounterSummarySchema,
  patient: patientRecordSchema,
  problems: z.array(problemSchema),
  vitals: z.array(vitalReadingSchema),
  /** This workstation's draft, or the newest one another workstation left. */
  draft: noteDraftSchema.nullable(),
  /** Drafts of other workstations written at the same time as this one's: a conflict to settle before signing. */
  divergentDrafts: z.array(noteDraftSchema),
  notes: z.array(signedNoteSchema),
  /** The patient's last signed note before this encounter, for the key that shows it. */
  previousNote: signedNoteSchema.nullable(),
  billableItems: z.array(billableItemSchema),
});
export type EncounterDetail = z.infer<typeof encounterDetailSchema>;

export const chartEntrySchema = z.object({
  encounter: encounterSummarySchema,
  diagnoses: z.array(diagnosisSchema),
  /** Empty when the reader's role sees a summary only. */
  notes: z.array(signedNoteSchema),
});

export const chartSchema = z.object({
  patient: patientRecordSchema,
  problems: z.array(problemSchema),
  encounters: z.array(chartEntrySchema),
  vitals: z.array(vitalReadingSchema),
  /** True when the reader may see the summary but not the notes (front desk). */
  summaryOnly: z.boolean(),
});
export type Chart = z.infer<typeof chartSchema>;

export const noteTemplateSchema = soapSchema.extend({ id: z.string(), name: z.string(), scope: z.enum(['CLINIC', 'DOCTOR']) });
export type NoteTemplate = z.infer<typeof noteTemplateSchema>;

const draftInputSchema = soapSchema
  .extend({
    encounterId,
    diagnoses: z.array(diagnosisInputSchema).max(20, { error: 'At most 20 diagnoses in one encounter' }).default([]),
    /** The version of the draft this edit was made on (own or another workstation's), so a concurrent edit is seen. */
    basedOn: z.object({ draftId: uuidSchema, version: z.number().int().min(0) }).nullable().default(null),
  })
  .strict();

const doctors = rolesAccess('DOCTOR');
const clinical = rolesAccess('DOCTOR', 'STAFF');

export const consultationCalls = {
  /** The signed-in doctor's day: their queue (and those waiting for any doctor), their appointments, their open encounters. */
  'consultation.worklist': defineCall({
    access: doctors,
    effect: 'read',
    input: z.object({ date: localDateSchema.optional() }).strict(),
    output: z.object({ date: z.string(), queue: z.array(queueEntrySchema), appointments: z.array(appointmentSchema), openEncounters: z.array(encounterSummarySchema) }),
  }),
  'consultation.start': defineCall({
    access: doctors,
    effect: 'write',
    input: z.object({ queueEntryId: z.uuid({ error: 'Choose a patient from the queue' }) }).strict(),
    output: encounterSummarySchema,
  }),
  'consultation.startUnscheduled': defineCall({ access: doctors, effect: 'write', input: z.object({ patientId }).strict(), output: encounterSummarySchema }),
  'consultation.get': defineCall({ access: doctors, effect: 'read', input: z.object({ encounterId }).strict(), output: encounterDetailSchema }),
  /** Vitals of a patient, for an encounter or (front desk, before the doctor) for today's queue entry. */
  'consultation.recordVitals': defineCall({
    access: clinical,
    effect: 'write',
    input: z.object({ patientId, encounterId: encounterId.nullable().default(null), values: vitalsInputSchema }).strict(),
    output: z.object({ readings: z.array(vitalReadingSchema) }),
  }),
  /** Autosave of the unsigned note: allowed while the screen is locked, so typing caught by the lock is kept. */
  'consultation.saveDraft': defineCall({ access: doctors, effect: 'write', whileLocked: true, input: draftInputSchema, output: noteDraftSchema }),
  'consultation.sign': defineCall({
    access: doctors,
    effect: 'write',
    input: z.object({ encounterId, draftId: uuidSchema, version: z.number().int().min(0) }).strict(),
    output: signedNoteSchema,
  }),
  'consultation.amend': defineCall({
    access: doctors,
    effect: 'write',
    input: soapSchema
      .extend({
        noteId: uuidSchema,
        reason: requiredText('Reason for the amendment', 500),
        diagnoses: z.array(diagnosisInputSchema).max(20).default([]),
      })
      .strict()
      .refine((input) => input.diagnoses.filter((diagnosis) => diagnosis.rank === 'PRIMARY').length <= 1, { error: 'Mark at most one diagnosis as primary', path: ['diagnoses'] }),
    output: signedNoteSchema,
  }),
  'consultation.complete': defineCall({
    access: doctors,
    effect: 'write',
    input: z
      .object({
        encounterId,
        items: z
          .array(z.object({ code: requiredText('Service code', 40), quantity: z.number().int({ error: 'Quantity is a whole number' }).min(1, { error: 'Quantity is at least 1' }).max(99, { error: 'Quantity is at most 99' }) }).strict())
          .max(30)
          .default([]),
      })
      .strict(),
    output: encounterSummarySchema,
  }),
  /** A patient's whole history. Every opening is audited; front desk sees the summary, without notes. */
  'consultation.chart': defineCall({ access: clinical, effect: 'read', input: z.object({ patientId }).strict(), output: chartSchema }),
  'consultation.templates': defineCall({ access: doctors, effect: 'read', input: z.object({}).strict(), output: z.object({ templates: z.array(noteTemplateSchema) }) }),
  'consultation.saveTemplate': defineCall({
    access: doctors,
    effect: 'write',
    input: soapSchema.extend({ id: uuidSchema.optional(), name: requiredText('Template name', 80), scope: z.enum(['CLINIC', 'DOCTOR']) }).strict(),
    output: noteTemplateSchema,
  }),
};

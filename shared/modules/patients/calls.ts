import { z } from 'zod';
import { localDateSchema, uuidSchema } from '../../domain/fields.ts';
import { allergyStatusSchema } from './allergy-status.ts';
import { allergyInputSchema, allergySeveritySchema, conditionInputSchema, duplicateReasonSchema, patientDetailsSchema, sexSchema } from './patient.ts';
import { defineCall, rolesAccess } from '../../api/define.ts';

export const patientSummarySchema = z.object({
  id: z.string().brand<'PatientId'>(),
  mrn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  sex: sexSchema,
  birthDate: z.string().nullable(),
  birthDateEstimated: z.boolean(),
  phone: z.string(),
  lastVisitAt: z.string().nullable(),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

export const searchMatchKinds = ['name', 'typo', 'phone', 'mrn', 'nationalId'] as const;
export const searchResultSchema = patientSummarySchema.extend({ matchedBy: z.enum(searchMatchKinds) });
export type PatientSearchResult = z.infer<typeof searchResultSchema>;

export const patientRecordSchema = patientSummarySchema.extend({
  registeredClinicId: z.string(),
  email: z.string(),
  address: z.string(),
  postalCode: z.string(),
  nationalId: z.string(),
  emergencyContactName: z.string(),
  emergencyContactPhone: z.string(),
  notes: z.string(),
  /** As the record should show it: a listed allergy always wins over a status (allergy-status.ts). */
  allergyStatus: allergyStatusSchema,
  /** Who stated "no known allergies" and when; null unless the status is NONE_KNOWN. */
  allergyStatement: z.object({ statedByName: z.string().nullable(), statedAt: z.string() }).nullable(),
  allergies: z.array(z.object({ id: z.string(), substance: z.string(), reaction: z.string(), severity: allergySeveritySchema })),
  conditions: z.array(z.object({ id: z.string(), name: z.string(), notes: z.string() })),
  clinics: z.array(z.object({ clinicId: z.string(), code: z.string(), name: z.string() })),
  /** Records merged into this one; their appointments and queue entries show here. */
  mergedRecords: z.array(z.object({ id: z.string(), mrn: z.string() })),
  /** The provisional number it was registered under offline, while the workstation had no leased number; it still finds the patient. */
  provisionalMrn: z.string().nullable(),
  /** Set when the id asked for was merged into this record. */
  redirectedFrom: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PatientRecord = z.infer<typeof patientRecordSchema>;

const frontDesk = rolesAccess('ADMIN', 'STAFF');
const everyone = rolesAccess('ADMIN', 'STAFF', 'DOCTOR', 'PHARMACIST');

/** Allergies and conditions in an edit carry their ids, so unchanged ones keep their history. */
const editedAllergySchema = allergyInputSchema.extend({ id: uuidSchema.optional() });
const editedConditionSchema = conditionInputSchema.extend({ id: uuidSchema.optional() });

export const duplicateProbeSchema = z
  .object({
    givenName: z.string().max(80).default(''),
    familyName: z.string().max(80).default(''),
    birthDate: z.string().max(10).nullable().default(null),
    phone: z.string().max(32).default(''),
    nationalId: z.string().max(64).default(''),
    /** When editing, the record itself is not its own duplicate. */
    excludePatientId: z.string().max(64).optional(),
  })
  .strict();

export const patientCalls = {
  'patients.search': defineCall({
    access: everyone,
    effect: 'read',
    input: z
      .object({
        query: z.string({ error: 'Type a name, phone or record number' }).trim().min(1, { error: 'Type a name, phone or record number' }).max(100),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({ results: z.array(searchResultSchema) }),
  }),
  /** Opening a record is a read of patient data: it is audited. */
  'patients.get': defineCall({
    access: everyone,
    effect: 'read',
    input: z.object({ patientId: uuidSchema.brand<'PatientId'>() }).strict(),
    output: patientRecordSchema,
  }),
  'patients.findDuplicates': defineCall({
    access: frontDesk,
    effect: 'read',
    input: duplicateProbeSchema,
    output: z.object({
      candidates: z.array(patientSummarySchema.extend({ reasons: z.array(duplicateReasonSchema) })),
      /** Matches registered only in other clinics of the organization: counted, never shown here. */
      elsewhere: z.number(),
    }),
  }),
  'patients.register': defineCall({
    access: frontDesk,
    effect: 'write',
    input: patientDetailsSchema.extend({
      /** Set once the person at the desk has seen the possible duplicates and registers anyway. */
      notADuplicate: z.boolean().default(false),
    }),
    output: patientRecordSchema,
  }),
  'patients.update': defineCall({
    access: frontDesk,
    effect: 'write',
    input: patientDetailsSchema.extend({
      patientId: uuidSchema.brand<'PatientId'>(),
      allergies: z.array(editedAllergySchema).max(50).default([]),
      conditions: z.array(editedConditionSchema).max(50).default([]),
    }),
    output: patientRecordSchema,
  }),
  'patients.merge': defineCall({
    access: frontDesk,
    effect: 'write',
    input: z
      .object({
        survivorId: uuidSchema.brand<'PatientId'>(),
        mergedId: uuidSchema.brand<'PatientId'>(),
        /** Needed when names, sex and date of birth all differ (merge-comparison.ts). */
        confirmedSamePerson: z.boolean().default(false),
      })
      .strict(),
    output: patientRecordSchema,
  }),
  /**
   * A patient of another clinic of the organization, presenting their record number here with a
   * second identifier (date of birth or phone) that must match too.
   */
  'patients.linkByMrn': defineCall({
    access: frontDesk,
    effect: 'write',
    input: z
      .object({
        mrn: z.string().trim().toUpperCase().min(3).max(40),
        birthDate: localDateSchema.optional(),
        phone: z.string().trim().max(32).optional(),
      })
      .strict()
      .refine((input) => input.birthDate !== undefined || (input.phone ?? '') !== '', { error: 'Give the date of birth or the phone number', path: ['birthDate'] }),
    output: patientRecordSchema,
  }),
};

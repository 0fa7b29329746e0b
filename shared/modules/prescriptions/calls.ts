import { z } from 'zod';
import { uuidSchema } from '../../domain/fields.ts';
import { defineCall, rolesAccess } from '../../api/define.ts';
import { printedPrescriptionSchema, printPageSizes } from './print-sheet.ts';
import { prescriptionAlertSchema } from '../medicines/index.ts';
import { overridesSchema, prescriptionLineInputSchema, prescriptionSchema, prescriptionWithAlertsSchema } from './line.ts';

const encounterId = uuidSchema;

// Doctors write prescriptions; a pharmacist reads them (and nothing else of the chart).
export const prescriptionsCalls = {
  'prescriptions.ofEncounter': defineCall({
    access: rolesAccess('DOCTOR', 'PHARMACIST'),
    effect: 'read',
    input: z.object({ encounterId }).strict(),
    output: prescriptionWithAlertsSchema,
  }),
  /** Signed prescriptions of a patient, newest first: what a repeat starts from, what the pharmacy dispenses. */
  'prescriptions.ofPatient': defineCall({
    access: rolesAccess('DOCTOR', 'PHARMACIST'),
    effect: 'read',
    input: z.object({ patientId: z.uuid({ error: 'Choose a patient' }).brand<'PatientId'>() }).strict(),
    output: z.object({ prescriptions: z.array(prescriptionSchema) }),
  }),
  /**
   * Adds a medicine to the encounter's draft prescription, or changes one (lineId). The checks run
   * in the same write: a severe or contraindicated alert without an override and its reason
   * refuses the line.
   */
  'prescriptions.saveLine': defineCall({
    access: rolesAccess('DOCTOR'),
    effect: 'write',
    input: z.object({ encounterId, lineId: uuidSchema.nullable().default(null), line: prescriptionLineInputSchema, overrides: overridesSchema }).strict(),
    output: prescriptionWithAlertsSchema,
  }),
  /**
   * The checks a save or a repeat would run, without writing: the alerts about these lines over
   * the draft as it stands (the line being replaced left out), and which of them still need a
   * reason. The screen asks for the reasons before it saves.
   */
  'prescriptions.check': defineCall({
    access: rolesAccess('DOCTOR'),
    effect: 'read',
    input: z
      .object({
        encounterId,
        lineId: uuidSchema.nullable().default(null),
        lines: z.array(prescriptionLineInputSchema).min(1, { error: 'Add a medicine' }).max(30, { error: 'At most 30 medicines in one prescription' }),
      })
      .strict(),
    output: z.object({ alerts: z.array(prescriptionAlertSchema), needReason: z.array(z.string()) }),
  }),
  'prescriptions.removeLine': defineCall({
    access: rolesAccess('DOCTOR'),
    effect: 'write',
    input: z.object({ encounterId, lineId: uuidSchema }).strict(),
    output: prescriptionWithAlertsSchema,
  }),
  /** Copies every medicine of an earlier signed prescription of the patient into this draft, checked like new lines. */
  'prescriptions.repeat': defineCall({
    access: rolesAccess('DOCTOR'),
    effect: 'write',
    input: z.object({ encounterId, prescriptionId: uuidSchema, overrides: overridesSchema }).strict(),
    output: prescriptionWithAlertsSchema,
  }),
  /** The prescription as a PDF (A5 or A4) to print or hand over, with a QR code of its reference. */
  'prescriptions.print': defineCall({
    access: rolesAccess('DOCTOR', 'PHARMACIST'),
    effect: 'read',
    input: z.object({ encounterId, pageSize: z.enum(printPageSizes, { error: 'Choose A5 or A4' }).default('A5') }).strict(),
    output: printedPrescriptionSchema,
  }),
};

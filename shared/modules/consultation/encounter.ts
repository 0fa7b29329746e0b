import { z } from 'zod';
import { optionalText, requiredText } from '../../domain/fields.ts';

export const encounterStatuses = ['OPEN', 'SIGNED', 'COMPLETED'] as const;
export type EncounterStatus = (typeof encounterStatuses)[number];
export const encounterStatusLabels: Readonly<Record<EncounterStatus, string>> = { OPEN: 'In consultation', SIGNED: 'Signed', COMPLETED: 'Completed' };

/** How the patient came to the doctor. */
export const encounterOrigins = ['QUEUE', 'UNSCHEDULED'] as const;
export type EncounterOrigin = (typeof encounterOrigins)[number];

export const diagnosisRanks = ['PRIMARY', 'SECONDARY'] as const;
export const diagnosisCertainties = ['PROVISIONAL', 'CONFIRMED'] as const;
export const diagnosisRankLabels = { PRIMARY: 'Primary', SECONDARY: 'Secondary' } as const;
export const diagnosisCertaintyLabels = { PROVISIONAL: 'Provisional', CONFIRMED: 'Confirmed' } as const;

/** ICD-10 (A00–Z99, with an optional subdivision, ICD-10-CM's longer ones too). */
export const icd10CodeSchema = z
  .string({ error: 'Choose a diagnosis code' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, { error: 'Not an ICD-10 code (like J06.9)' });

export const diagnosisInputSchema = z
  .object({
    code: icd10CodeSchema,
    title: requiredText('Diagnosis title', 255),
    rank: z.enum(diagnosisRanks, { error: 'Choose primary or secondary' }),
    certainty: z.enum(diagnosisCertainties, { error: 'Choose provisional or confirmed' }),
    chronic: z.boolean().default(false),
  })
  .strict();
export type DiagnosisInput = z.infer<typeof diagnosisInputSchema>;

export const soapFields = ['subjective', 'objective', 'assessment', 'plan'] as const;
export type SoapField = (typeof soapFields)[number];
export const soapLabels: Readonly<Record<SoapField, string>> = { subjective: 'Subjective', objective: 'Objective', assessment: 'Assessment', plan: 'Plan' };

const noteText = (label: string) => optionalText(label, 20_000);
export const soapSchema = z.object({ subjective: noteText('Subjective'), objective: noteText('Objective'), assessment: noteText('Assessment'), plan: noteText('Plan') }).strict();
export type SoapNote = z.infer<typeof soapSchema>;

export function isBlankNote(note: SoapNote): boolean {
  return soapFields.every((field) => note[field].trim() === '');
}

/** Diagnoses of one note: each code once, exactly one primary when there are any. */
export function diagnosisListProblem(diagnoses: readonly DiagnosisInput[]): string | null {
  const codes = new Set(diagnoses.map((diagnosis) => diagnosis.code));
  if (codes.size !== diagnoses.length) return 'A diagnosis is listed twice';
  const primaries = diagnoses.filter((diagnosis) => diagnosis.rank === 'PRIMARY').length;
  if (diagnoses.length > 0 && primaries !== 1) return 'Mark exactly one diagnosis as primary';
  return null;
}

import { z } from 'zod';
import { uuidSchema } from '../../domain/fields.ts';

/** One person registered at two workstations while they were apart: one record is merged into the other. */
export const duplicatePatientConflict = {
  kind: 'DUPLICATE_PATIENT',
  actions: [z.object({ kind: z.literal('mergePatients'), survivorId: uuidSchema.brand<'PatientId'>(), mergedId: uuidSchema.brand<'PatientId'>() }).strict()],
} as const;

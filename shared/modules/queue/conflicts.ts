import { z } from 'zod';
import { uuidSchema } from '../../domain/fields.ts';

/** Two desks handed out one token on one day: one entry gets a new number. */
export const duplicateTokenConflict = {
  kind: 'DUPLICATE_TOKEN',
  actions: [z.object({ kind: z.literal('renumberToken'), entryId: uuidSchema }).strict()],
} as const;

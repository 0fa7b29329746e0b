import { z } from 'zod';
import { uuidSchema } from '../../domain/fields.ts';

/**
 * Two counters sold the last packs of a batch while apart: both sales stand (the packs left with
 * their customers), and the batch's quantity went below zero. A count of the shelf settles it; the
 * quick way out records the shelf as empty. The action names any row of the conflict: the batch or
 * one of its movements.
 */
export const stockOversoldConflict = {
  kind: 'STOCK_OVERSOLD',
  actions: [z.object({ kind: z.literal('settleOversoldBatch'), rowId: uuidSchema }).strict()],
} as const;

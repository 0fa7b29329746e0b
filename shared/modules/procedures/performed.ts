import { z } from 'zod';

/** A procedure as performed in an encounter, with its price as it will be charged. */
export const performedProcedureSchema = z.object({
  id: z.string(),
  encounterId: z.string(),
  code: z.string(),
  name: z.string(),
  site: z.string(),
  notes: z.string(),
  quantity: z.number(),
  /** Minor units of the clinic's currency. */
  unitPriceMinor: z.number(),
  /** The plan step it carries out, when it does. */
  planStepId: z.string().nullable(),
  performedAt: z.string(),
});
export type PerformedProcedure = z.infer<typeof performedProcedureSchema>;

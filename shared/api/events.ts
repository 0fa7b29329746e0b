import { z } from 'zod';
import { syncStatusSchema } from './calls/sync.ts';

/** What the core pushes to screens. Carries names and ids only, never a record's content. */
export const serverEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('data.changed'), call: z.string(), clinicId: z.string().nullable() }),
  z.object({ type: z.literal('session.ended') }),
  z.object({ type: z.literal('sync.status'), status: syncStatusSchema }),
]);
export type ServerEvent = z.infer<typeof serverEventSchema>;

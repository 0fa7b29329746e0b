import { z } from 'zod';
import { defineCall, publicAccess } from '../define.ts';

export const systemCalls = {
  'system.status': defineCall({
    access: publicAccess,
    effect: 'read',
    whileLocked: true,
    input: z.object({}).strict(),
    output: z.object({
      needsSetup: z.boolean(),
      /** While a joining workstation loads its clinic: rows done of rows to load. */
      joining: z.object({ state: z.string(), done: z.number(), total: z.number(), error: z.string().nullable() }).nullable(),
      appVersion: z.string(),
      deviceName: z.string(),
    }),
  }),
};

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
      appVersion: z.string(),
      deviceName: z.string(),
    }),
  }),
};

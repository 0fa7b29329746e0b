import { countClinics } from '../../clinics/clinic-rows.ts';
import type { Handlers } from '../context.ts';

export const systemHandlers = {
  'system.status': (ctx) => ({
    needsSetup: countClinics(ctx.db) === 0,
    appVersion: ctx.appVersion,
    deviceName: ctx.deviceName,
  }),
} satisfies Partial<Handlers>;

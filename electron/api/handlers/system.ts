import { countClinics } from '../../clinics/clinic-rows.ts';
import type { Handlers } from '../context.ts';

export const systemHandlers = {
  'system.status': (ctx) => {
    const settings = ctx.services.sync.settings();
    const progress = settings?.bootstrapProgress ?? null;
    const joining =
      progress === null
        ? null
        : (() => {
            const parsed = JSON.parse(progress) as { done: number; total: number };
            return { state: ctx.services.sync.status().state, done: parsed.done, total: parsed.total, error: settings?.lastError ?? null };
          })();
    return { needsSetup: joining === null && countClinics(ctx.db) === 0, joining, appVersion: ctx.appVersion, deviceName: ctx.deviceName };
  },
} satisfies Partial<Handlers>;

import { countClinics } from '../../modules/clinics/index.ts';
import { UnreadableSetting } from '../../sync/settings.ts';
import type { Handlers } from '../context.ts';

export const systemHandlers = {
  'system.status': (ctx) => {
    const settings = ctx.services.sync.settings();
    const progress = settings?.bootstrapProgress ?? null;
    if (progress instanceof UnreadableSetting) throw progress;
    const joining = progress === null ? null : { state: ctx.services.sync.status().state, done: progress.done, total: progress.total, error: settings?.lastError ?? null };
    return { needsSetup: joining === null && countClinics(ctx.db) === 0, joining, appVersion: ctx.appVersion, deviceName: ctx.deviceName };
  },
} satisfies Partial<Handlers>;

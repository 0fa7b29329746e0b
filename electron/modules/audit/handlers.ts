import { listAudit } from './query.ts';
import { clinicOf, type Handlers } from '../../api/context.ts';

export const auditHandlers = {
  'audit.list': (ctx, input) => listAudit(ctx.db, { ...input, clinicId: clinicOf(ctx).clinicId }),
} satisfies Partial<Handlers>;

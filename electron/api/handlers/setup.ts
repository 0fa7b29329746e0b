import { conflictError } from '#shared/api/errors.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { buildSessionView } from '../../auth/session-view.ts';
import { countClinics, createClinicWithAdmin } from '../../modules/clinics/index.ts';
import type { Handlers } from '../context.ts';

const ALREADY_SET_UP = 'This workstation is already set up; sign in instead.';

export const setupHandlers = {
  'setup.createClinic': async (ctx, input) => {
    if (countClinics(ctx.db) > 0) throw conflictError(ALREADY_SET_UP);
    const { password, ...admin } = input.admin;
    const passwordHash = await hashPassword(password);
    const created = ctx.write(
      (tx) => {
        // Checked again inside the transaction: two first-run screens may race.
        if (countClinics(tx) > 0) throw conflictError(ALREADY_SET_UP);
        return createClinicWithAdmin(tx, input.clinic, { ...admin, passwordHash }, ctx.clock.now());
      },
      ({ clinicId, adminId }) => ({ userId: adminId, clinicId, entityType: 'clinic', entityId: clinicId, detail: { adminUserId: adminId } }),
    );
    const { token, session } = ctx.sessions.create(created.adminId, ctx.clock.now());
    session.activeClinicId = created.clinicId;
    return { ...buildSessionView(ctx.db, session), token };
  },
} satisfies Partial<Handlers>;

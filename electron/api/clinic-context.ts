import { clinicContextFor, type ClinicContext } from '../modules/clinics/index.ts';
import { clinicOf, type CallContext } from './context.ts';

/** The signed-in user's active clinic, for a call that needs one. */
export function clinicContextOf(ctx: CallContext): ClinicContext {
  const { clinicId, userId } = clinicOf(ctx);
  return clinicContextFor(ctx.db, clinicId, userId, ctx.clock.now());
}

import type { ClinicId } from '#shared/domain/ids.ts';
import { notFoundError } from '#shared/api/errors.ts';
import { changedFields } from '../../audit/record.ts';
import { clinicFromRow, findClinic, updateClinic } from './clinic-rows.ts';
import type { Db } from '../../db/database.ts';
import { clinicOf, type Handlers } from '../../api/context.ts';

function requireClinic(db: Db, clinicId: ClinicId) {
  const row = findClinic(db, clinicId);
  if (row === undefined) throw notFoundError('This clinic no longer exists on this workstation.');
  return row;
}

export const clinicHandlers = {
  'clinic.get': (ctx) => clinicFromRow(requireClinic(ctx.db, clinicOf(ctx).clinicId)),

  'clinic.update': (ctx, input) => {
    const { clinicId } = clinicOf(ctx);
    const before = clinicFromRow(requireClinic(ctx.db, clinicId));
    const fields = changedFields(before, input);
    if (fields.length > 0) {
      ctx.write((tx) => updateClinic(tx, clinicId, input, ctx.clock.now()), {
        entityType: 'clinic',
        entityId: clinicId,
        detail: { fields },
      });
    }
    return clinicFromRow(requireClinic(ctx.db, clinicId));
  },
} satisfies Partial<Handlers>;

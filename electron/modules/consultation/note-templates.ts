import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { forbiddenError, notFoundError } from '#shared/api/errors.ts';
import type { NoteTemplate } from '#shared/modules/consultation/calls.ts';
import type { SoapNote } from '#shared/modules/consultation/encounter.ts';
import type { Db } from '../../db/database.ts';
import { noteTemplates } from '../../db/schema/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';

/** The clinic's templates and the doctor's own, the doctor's first. */
export function templatesFor(db: Db, clinicId: ClinicId, userId: UserId): NoteTemplate[] {
  return db
    .select()
    .from(noteTemplates)
    .where(and(eq(noteTemplates.clinicId, clinicId), isNull(noteTemplates.deletedAt), or(isNull(noteTemplates.ownerUserId), eq(noteTemplates.ownerUserId, userId))))
    .orderBy(asc(noteTemplates.name))
    .all()
    .map((row) => ({ id: row.id, name: row.name, scope: row.ownerUserId === null ? ('CLINIC' as const) : ('DOCTOR' as const), subjective: row.subjective, objective: row.objective, assessment: row.assessment, plan: row.plan }))
    .sort((a, b) => Number(a.scope === 'CLINIC') - Number(b.scope === 'CLINIC'));
}

/** Saves a template; a doctor changes their own and the clinic's, never another doctor's. */
export function saveTemplate(tx: Db, owner: { clinicId: ClinicId; userId: UserId; nowMs: number }, template: SoapNote & { id?: string | undefined; name: string; scope: 'CLINIC' | 'DOCTOR' }): string {
  const now = isoAt(owner.nowMs);
  const { id, scope, ...text } = template;
  const ownerUserId = scope === 'CLINIC' ? null : owner.userId;
  if (id === undefined) {
    const created = newId();
    tx.insert(noteTemplates).values({ id: created, clinicId: owner.clinicId, ownerUserId, ...text, createdAt: now, updatedAt: now }).run();
    return created;
  }
  const row = tx.select().from(noteTemplates).where(and(eq(noteTemplates.id, id), eq(noteTemplates.clinicId, owner.clinicId))).get();
  if (row === undefined) throw notFoundError('No such template in this clinic.');
  if (row.ownerUserId !== null && row.ownerUserId !== owner.userId) throw forbiddenError('This template is another doctor’s.');
  tx.update(noteTemplates).set({ ...text, ownerUserId, updatedAt: now }).where(eq(noteTemplates.id, id)).run();
  return id;
}

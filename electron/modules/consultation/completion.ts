import type { UserId } from '#shared/domain/ids.ts';
import { eq } from 'drizzle-orm';
import { conflictError, forbiddenError, validationError } from '#shared/api/errors.ts';
import type { BillableItem } from '#shared/modules/consultation/calls.ts';
import { billableService } from '#shared/modules/consultation/billable-services.ts';
import type { Role } from '#shared/domain/roles.ts';
import type { Db } from '../../db/database.ts';
import { encounterBillableItems, encounters } from '../../db/schema/index.ts';
import { extraBillablesOf } from './billable-sources.ts';
import type { EncounterRow } from './tables.ts';
import { requireEntry, stepOf, takeStep } from '../queue/index.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';

type Completer = { readonly userId: UserId; readonly roles: readonly Role[]; readonly nowMs: number };

/** The consultation fee an encounter bills when the doctor names none: follow-up for a patient seen before. */
function defaultConsultation(seenBefore: boolean) {
  const code = seenBefore ? 'CONS-FU' : 'CONS-NEW';
  const service = billableService(code);
  if (service === undefined) throw new Error(`the catalogue has no ${code}`);
  return service;
}

/**
 * Completes a signed encounter: its queue entry is done (which, by the queue's rule, completes the
 * appointment), and what it bills is recorded for billing, with codes and prices as charged:
 * the consultation and the services the doctor names, and what other modules bill with it.
 */
export function completeEncounter(tx: Db, encounter: EncounterRow, completer: Completer, items: readonly { code: string; quantity: number }[], seenBefore: boolean): void {
  if (encounter.doctorUserId !== completer.userId) throw forbiddenError('Only the doctor of this encounter completes it.');
  if (encounter.status === 'OPEN') throw conflictError('Sign the note before completing the encounter.');
  if (encounter.status === 'COMPLETED') throw conflictError('This encounter is already completed.');
  const services = items.map((item, index) => {
    const service = billableService(item.code);
    if (service === undefined) throw validationError(`items.${String(index)}.code`, `${item.code} is not in the catalogue of services.`);
    return { service, quantity: item.quantity };
  });
  if (!services.some(({ service }) => service.kind === 'CONSULTATION')) services.unshift({ service: defaultConsultation(seenBefore), quantity: 1 });
  const now = isoAt(completer.nowMs);
  // The services the doctor names, then what other modules bill with the encounter (its orders, its procedures).
  const charged = [...services.map(({ service, quantity }) => ({ code: service.code, description: service.description, quantity, unitPriceMinor: service.unitPriceMinor })), ...extraBillablesOf(tx, encounter)];
  for (const item of charged) {
    tx.insert(encounterBillableItems)
      .values({ id: newId(), clinicId: encounter.clinicId, encounterId: encounter.id, patientId: encounter.patientId, catalogueCode: item.code, description: item.description, quantity: item.quantity, unitPriceMinor: item.unitPriceMinor, createdAt: now })
      .run();
  }
  if (encounter.queueEntryId !== null) {
    const entry = requireEntry(tx, encounter.clinicId, encounter.queueEntryId);
    if (entry.status === 'IN_CONSULTATION') {
      const actor = { roles: completer.roles, userId: completer.userId };
      takeStep(tx, entry, stepOf(entry, 'DONE', actor, completer.nowMs), actor, completer.nowMs);
    }
  }
  tx.update(encounters).set({ status: 'COMPLETED', completedAt: now, updatedAt: now }).where(eq(encounters.id, encounter.id)).run();
}

export function billableItemsOf(db: Db, encounterId: string): BillableItem[] {
  return db
    .select()
    .from(encounterBillableItems)
    .where(eq(encounterBillableItems.encounterId, encounterId))
    .all()
    .map((row) => ({ id: row.id, code: row.catalogueCode, description: row.description, quantity: row.quantity, unitPriceMinor: row.unitPriceMinor }));
}

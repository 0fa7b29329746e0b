import type { z } from 'zod';
import type { conflictActionSchema, SyncConflict } from '#shared/api/calls/sync.ts';

// What the screen sends: the core parses it into the actions its resolvers take.
export type ConflictAction = z.input<typeof conflictActionSchema>;

/** The ways out of one conflict, each with the words of its button. */
export function actionsFor(conflict: SyncConflict): { label: string; action: ConflictAction }[] {
  const [first, second] = conflict.rows;
  const keepBoth = { label: 'Keep both', action: { kind: 'keepBoth' } as const };
  if (conflict.kind === 'DOUBLE_BOOKING') {
    return [...conflict.rows.map((row) => ({ label: `Cancel ${row.label}`, action: { kind: 'cancelAppointment' as const, appointmentId: row.id } })), keepBoth];
  }
  if (conflict.kind === 'DUPLICATE_PATIENT') {
    if (first === undefined || second === undefined) return [keepBoth];
    return [
      { label: `Keep ${first.label}, merge the other into it`, action: { kind: 'mergePatients', survivorId: first.id, mergedId: second.id } },
      { label: `Keep ${second.label}, merge the other into it`, action: { kind: 'mergePatients', survivorId: second.id, mergedId: first.id } },
      keepBoth,
    ];
  }
  return [...conflict.rows.map((row) => ({ label: `Renumber ${row.label}`, action: { kind: 'renumberToken' as const, entryId: row.id } })), keepBoth];
}

export const conflictKindLabels: Readonly<Record<SyncConflict['kind'], string>> = {
  DOUBLE_BOOKING: 'Double booking',
  DUPLICATE_PATIENT: 'Same person registered twice',
  DUPLICATE_TOKEN: 'Two queue tokens with one number',
};

export const conflictKindSentences: Readonly<Record<SyncConflict['kind'], string>> = {
  DOUBLE_BOOKING: 'The doctor was booked twice for one slot while workstations were apart. Cancel one of the appointments, or keep both if the doctor can see both.',
  DUPLICATE_PATIENT: 'Two workstations registered what looks like the same person. Merge them into one record, or keep both if they are different people.',
  DUPLICATE_TOKEN: 'Two patients in today’s queue hold the same token. Give one a new number, or keep both.',
};

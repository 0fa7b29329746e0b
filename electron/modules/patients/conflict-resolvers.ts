import { validationError } from '#shared/api/errors.ts';
import { defineConflictResolver } from '../../api/conflict-resolvers.ts';
import { mergePatients } from './merge.ts';
import { findPatient } from './patient-rows.ts';

export const mergeDuplicatePatients = defineConflictResolver(
  'mergePatients',
  ({ tx, nowMs, involved }, action) => {
    involved(action.survivorId);
    involved(action.mergedId);
    const survivor = findPatient(tx, action.survivorId);
    const merged = findPatient(tx, action.mergedId);
    if (survivor === undefined || merged === undefined || survivor.id === merged.id) throw validationError('action', 'Choose the two records of this person.');
    mergePatients(tx, survivor, merged, nowMs);
    return `Merged ${merged.mrn} into ${survivor.mrn}`;
  },
  // The merged record's name leaves the search's dictionary.
  (ctx) => ctx.services.patientTerms.markStale(),
);

import type { PatientId } from '#shared/domain/ids.ts';
import { conflictError, notFoundError } from '#shared/api/errors.ts';
import { allergyStatusOf } from '#shared/modules/patients/allergy-status.ts';
import { looksLikeTwoPeople, TWO_PEOPLE_WARNING } from '#shared/modules/patients/merge-comparison.ts';
import { changedFields, recordAudit } from '../../audit/record.ts';
import { clinicContextOf } from '../../api/clinic-context.ts';
import type { ClinicContext } from '../clinics/index.ts';
import type { Db } from '../../db/database.ts';
import type { PatientRow } from './tables.ts';
import { findDuplicates } from './duplicates.ts';
import { findLinkablePatient } from './link-by-mrn.ts';
import { mergePatients } from './merge.ts';
import { findPatient, isVisibleIn, recordOf, summariesOf } from './patient-rows.ts';
import { checkPatientRules } from './patient-rules.ts';
import { patientColumns } from './patient-values.ts';
import { insertPatient, linkToClinic, replaceAllergies, replaceConditions, updatePatientRow } from './patient-writes.ts';
import { searchPatients } from './search/patient-search.ts';
import type { CallContext, Handlers } from '../../api/context.ts';

/** A patient this clinic may see; a merged record answers with its survivor. */
function visiblePatient(db: Db, clinic: ClinicContext, patientId: PatientId): { row: PatientRow; redirectedFrom: string | null } {
  const row = findPatient(db, patientId);
  if (row === undefined || !isVisibleIn(db, row, clinic.clinicId)) throw notFoundError('No such patient in this clinic.');
  if (row.mergedIntoId === null) return { row, redirectedFrom: null };
  const survivor = findPatient(db, row.mergedIntoId);
  if (survivor === undefined) throw notFoundError('This record was merged into one that no longer exists.');
  return { row: survivor, redirectedFrom: row.id };
}

function markNamesChanged(ctx: CallContext): void {
  ctx.services.patientTerms.markStale();
}

export const patientHandlers = {
  'patients.search': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    return { results: searchPatients(ctx.db, ctx.services.patientTerms, { clinicId: clinic.clinicId, query: input.query, limit: input.limit, nowMs: clinic.nowMs }) };
  },

  'patients.get': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const { row, redirectedFrom } = visiblePatient(ctx.db, clinic, input.patientId);
    // Opening a record is audited like a change: who read which patient, when, from where.
    ctx.write(() => null, { entityType: 'patient', entityId: row.id, detail: redirectedFrom === null ? null : { redirectedFrom } });
    return recordOf(ctx.db, row, redirectedFrom);
  },

  'patients.findDuplicates': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const { visible, elsewhere } = findDuplicates(ctx.db, input, clinic.clinicId);
    const summaries = summariesOf(ctx.db, visible.map((candidate) => candidate.row));
    return { candidates: summaries.map((summary, index) => ({ ...summary, reasons: visible[index]?.reasons ?? [] })), elsewhere };
  },

  'patients.register': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const { notADuplicate, ...details } = input;
    checkPatientRules(details, clinic.today);
    const birthDate = patientColumns(details, clinic.today).birthDate;
    if (!notADuplicate) {
      const { visible } = findDuplicates(ctx.db, { ...details, birthDate }, clinic.clinicId);
      if (visible.length > 0) {
        const names = visible.map(({ row }) => `${row.givenName} ${row.familyName} (${row.mrn})`).join(', ');
        throw conflictError(`This may be the same person as ${names}. Open that record, or confirm this is someone else.`);
      }
    }
    const id = ctx.write(
      (tx) => insertPatient(tx, details, { clinicId: clinic.clinicId, clinicCode: clinic.code, deviceId: ctx.deviceId, userId: clinic.userId, nowMs: clinic.nowMs, today: clinic.today }),
      (patientId) => ({ entityType: 'patient', entityId: patientId, detail: { duplicateWarningOverridden: notADuplicate, allergyStatus: allergyStatusOf(details) } }),
    );
    markNamesChanged(ctx);
    const row = findPatient(ctx.db, id);
    if (row === undefined) throw new Error('registered patient missing');
    return recordOf(ctx.db, row, null);
  },

  'patients.update': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const { patientId, ...details } = input;
    const { row } = visiblePatient(ctx.db, clinic, patientId);
    checkPatientRules(details, clinic.today);
    const fields = changedFields(row, patientColumns(details, clinic.today));
    ctx.write(
      (tx) => {
        updatePatientRow(tx, row, details, { today: clinic.today, nowMs: clinic.nowMs, userId: clinic.userId });
        replaceAllergies(tx, row.id, details.allergies, clinic.nowMs);
        replaceConditions(tx, row.id, details.conditions, clinic.nowMs);
      },
      // Field names only: the audit log says what was changed, not what it now says.
      { entityType: 'patient', entityId: row.id, detail: { fields: fields.filter((field) => field !== 'phoneDigitsReversed'), allergies: details.allergies.length, conditions: details.conditions.length } },
    );
    markNamesChanged(ctx);
    return recordOf(ctx.db, findPatient(ctx.db, row.id) ?? row, null);
  },

  'patients.merge': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    if (input.survivorId === input.mergedId) throw conflictError('Choose two different records to merge.');
    const survivor = visiblePatient(ctx.db, clinic, input.survivorId);
    const merged = visiblePatient(ctx.db, clinic, input.mergedId);
    if (survivor.redirectedFrom !== null || merged.redirectedFrom !== null) throw conflictError('One of these records was already merged; open it again to see its survivor.');
    const twoPeople = looksLikeTwoPeople(survivor.row, merged.row);
    if (twoPeople && !input.confirmedSamePerson) throw conflictError(`${TWO_PEOPLE_WARNING} Confirm that they are the same person to merge them.`, 'confirmedSamePerson');
    ctx.write((tx) => mergePatients(tx, survivor.row, merged.row, clinic.nowMs), (fields) => ({
      entityType: 'patient',
      entityId: survivor.row.id,
      detail: { mergedId: merged.row.id, mergedMrn: merged.row.mrn, fieldsTaken: fields, ...(twoPeople ? { confirmedDespiteDifferences: true } : {}) },
    }));
    markNamesChanged(ctx);
    return recordOf(ctx.db, findPatient(ctx.db, survivor.row.id) ?? survivor.row, null);
  },

  'patients.linkByMrn': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const found = findLinkablePatient(ctx.db, { ...input, clinicId: clinic.clinicId });
    if (found === null) {
      // A trace of who tried, in this clinic only, naming no record: a miss must not say whose it was.
      ctx.write(() => null, { outcome: 'FAILURE', detail: { reason: 'no_match' } });
      throw notFoundError('No patient matches that record number and date of birth or phone.');
    }
    const { presented, target } = found;
    if (!isVisibleIn(ctx.db, target, clinic.clinicId)) {
      const linked = { entityType: 'patient', entityId: target.id, detail: { linkedClinic: clinic.code } } as const;
      ctx.write(
        (tx) => {
          linkToClinic(tx, target.id, clinic.clinicId, clinic.nowMs);
          // The clinic that registered the patient sees who brought its record into another clinic.
          recordAudit(tx, { atMs: clinic.nowMs, deviceId: ctx.deviceId, userId: clinic.userId, clinicId: target.registeredClinicId, action: ctx.call, outcome: 'SUCCESS', ...linked });
        },
        linked,
      );
    }
    return recordOf(ctx.db, target, presented.id === target.id ? null : presented.id);
  },
} satisfies Partial<Handlers>;

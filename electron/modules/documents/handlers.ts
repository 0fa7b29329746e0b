import { forbiddenError, notFoundError, validationError } from '#shared/api/errors.ts';
import { mayOpenDocument } from '#shared/modules/documents/index.ts';
import { clinicContextOf } from '../../api/clinic-context.ts';
import { clinicOf, type CallContext, type Handlers } from '../../api/context.ts';
import { requireEncounter, requireTreatablePatient } from '../consultation/index.ts';
import { findPatient, isVisibleIn, mergeSetOf } from '../patients/index.ts';
import { fileBytes, recordDocument } from './attach.ts';
import { writeBlob } from './blob-store.ts';
import { documentsOfPatients, findDocument, viewOf, type DocumentReader } from './document-rows.ts';
import { fileOf } from './fetch-file.ts';

function readerOf(ctx: CallContext): DocumentReader {
  const { userId, roles } = clinicOf(ctx);
  return { userId, roles, dataDir: ctx.services.dataDir };
}

export const documentsHandlers = {
  'documents.attach': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const patient = requireTreatablePatient(ctx.db, clinic, input.patientId);
    if (input.encounterId !== null) {
      const encounter = requireEncounter(ctx.db, clinic.clinicId, input.encounterId);
      if (encounter.patientId !== patient.id) throw validationError('encounterId', 'This encounter is another patient’s.');
    }
    const { contentBase64, ...attachment } = input;
    const bytes = fileBytes(contentBase64, input.mimeType);
    const hash = writeBlob(ctx.services.dataDir, bytes);
    const id = ctx.write(
      (tx) => recordDocument(tx, { clinicId: clinic.clinicId, userId: clinic.userId, nowMs: ctx.clock.now() }, { ...attachment, patientId: patient.id }, { hash, size: bytes.length }),
      // The audit names the file by its hash and size, never its title: a title can say what is wrong with the patient.
      (documentId) => ({ entityType: 'document', entityId: documentId, detail: { patientId: patient.id, encounterId: input.encounterId, type: input.type, sizeBytes: bytes.length, contentHash: hash } }),
    );
    const row = findDocument(ctx.db, id);
    if (row === undefined) throw notFoundError('The document was not kept.');
    return viewOf(ctx.db, row, readerOf(ctx));
  },

  'documents.ofPatient': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const patient = requireTreatablePatient(ctx.db, clinic, input.patientId);
    ctx.write(() => null, { entityType: 'patient', entityId: patient.id, detail: { documents: true } });
    return { documents: documentsOfPatients(ctx.db, mergeSetOf(ctx.db, patient.id), readerOf(ctx)) };
  },

  'documents.open': async (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const row = findDocument(ctx.db, input.documentId);
    const patient = row === undefined ? undefined : findPatient(ctx.db, row.patientId);
    const survivor = patient?.mergedIntoId == null ? patient : findPatient(ctx.db, patient.mergedIntoId);
    if (row === undefined || survivor === undefined || !isVisibleIn(ctx.db, survivor, clinic.clinicId)) throw notFoundError('No such document in this clinic.');
    const reader = readerOf(ctx);
    if (!mayOpenDocument(reader.roles, row, reader.userId)) {
      ctx.write(() => null, { entityType: 'document', entityId: row.id, outcome: 'DENIED', detail: { patientId: row.patientId, type: row.type } });
      throw forbiddenError('Lab reports, imaging and photos are opened by a doctor; the front desk sees that they are there.');
    }
    const file = await fileOf(ctx.services.dataDir, row.contentHash, ctx.services.sync.hubBlobs());
    // Every opening: who (the session), which document of which patient, and whether it came from the hub.
    ctx.write(() => null, { entityType: 'document', entityId: row.id, detail: { patientId: row.patientId, type: row.type, fetchedFromHub: file.fetched } });
    return { document: viewOf(ctx.db, row, reader), contentBase64: file.bytes.toString('base64') };
  },
} satisfies Partial<Handlers>;

import { notFoundError, validationError } from '#shared/api/errors.ts';
import { clinicOf, type Handlers } from '../../api/context.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { searchDiagnosisCodes, searchIndexOf } from './code-search.ts';
import { currentCodeSet, replaceCodeSet } from './code-set-store.ts';
import { dropImport, stageImport, stagedImport, type StagedImport } from './import-staging.ts';

function requireUpload(importId: string, userId: Parameters<typeof stagedImport>[1]): StagedImport {
  const upload = stagedImport(importId, userId);
  if (upload === undefined) throw notFoundError('That import is no longer in progress; choose the file and import it again.');
  return upload;
}

export const diagnosisCodeHandlers = {
  'diagnosisCodes.search': (ctx, input) => ({ results: searchDiagnosisCodes(ctx.db, input.query, input.limit) }),

  'diagnosisCodes.codeSet': (ctx) => ({ codeSet: currentCodeSet(ctx.db) }),

  'diagnosisCodes.importStart': (ctx, input) => {
    const { userId } = clinicOf(ctx);
    const importId = newId();
    stageImport(importId, { userId, startedAtMs: ctx.clock.now(), fileName: input.fileName, edition: input.edition, version: input.version });
    return { importId };
  },

  'diagnosisCodes.importPart': (ctx, input) => {
    const upload = requireUpload(input.importId, clinicOf(ctx).userId);
    const step = upload.reader.addText(input.text);
    if (!step.ok) {
      dropImport(input.importId);
      throw validationError('file', step.message);
    }
    return { linesRead: upload.reader.linesRead, codesRead: upload.reader.codes.length };
  },

  'diagnosisCodes.importFinish': (ctx, input) => {
    const upload = requireUpload(input.importId, clinicOf(ctx).userId);
    dropImport(input.importId);
    const step = upload.reader.finish();
    if (!step.ok) throw validationError('file', step.message);
    const codeSet = ctx.write(
      (tx) => replaceCodeSet(tx, { codes: upload.reader.codes, edition: upload.edition, version: upload.version, source: 'IMPORT', fileName: upload.fileName, loadedAt: isoAt(ctx.clock.now()) }),
      (loaded) => ({ entityType: 'diagnosis_code_set', entityId: null, detail: { edition: loaded.edition, version: loaded.version, codeCount: loaded.codeCount, fileName: loaded.fileName } }),
    );
    // The administrator waits for the index of the new set rather than the next doctor to search.
    searchIndexOf(ctx.db);
    return { codeSet };
  },
} satisfies Partial<Handlers>;

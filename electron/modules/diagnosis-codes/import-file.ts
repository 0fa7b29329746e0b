import type { CodeSet } from '#shared/modules/diagnosis-codes/calls.ts';
import type { IcdEdition } from '#shared/modules/diagnosis-codes/code-format.ts';
import type { Db } from '../../db/database.ts';
import { replaceCodeSet } from './code-set-store.ts';
import { TabularImport } from './tabular-import.ts';

export class ImportRefusedError extends Error {}

export type FileImport = { readonly fileName: string; readonly edition: IcdEdition; readonly version: string; readonly loadedAt: string };

/** Reads a whole tabular file and replaces the code set with it in one transaction; a bad line refuses it all. */
export function importCodeFile(db: Db, text: string, file: FileImport): CodeSet {
  const reader = new TabularImport();
  const read = reader.addText(text);
  const finished = read.ok ? reader.finish() : read;
  if (!finished.ok) throw new ImportRefusedError(finished.message);
  return db.transaction((tx) => replaceCodeSet(tx, { codes: reader.codes, source: 'IMPORT', ...file }));
}

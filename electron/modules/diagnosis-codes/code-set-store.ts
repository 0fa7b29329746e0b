import { eq } from 'drizzle-orm';
import { chapterOf, type IcdEdition } from '#shared/modules/diagnosis-codes/code-format.ts';
import type { CodeSet } from '#shared/modules/diagnosis-codes/calls.ts';
import type { TabularCode } from '#shared/modules/diagnosis-codes/tabular-file.ts';
import type { Db } from '../../db/database.ts';
import { diagnosisCodeSets, diagnosisCodes } from './tables.ts';

const CURRENT = 'current';
// Five columns a row: well under SQLite's limit on bound values per statement.
const INSERT_BATCH = 1000;

export type CodeSetLoad = {
  readonly codes: readonly TabularCode[];
  readonly edition: IcdEdition;
  readonly version: string;
  readonly source: CodeSet['source'];
  readonly fileName: string;
  readonly loadedAt: string;
};

export function currentCodeSet(db: Db): CodeSet | null {
  const row = db.select().from(diagnosisCodeSets).where(eq(diagnosisCodeSets.id, CURRENT)).get();
  if (row === undefined) return null;
  return { edition: row.edition, version: row.version, source: row.source, fileName: row.fileName, codeCount: row.codeCount, loadedAt: row.loadedAt };
}

/** Which load of the code set the table holds now; 0 before any. */
export function codeSetLoadNumber(db: Db): number {
  return db.select({ loadNumber: diagnosisCodeSets.loadNumber }).from(diagnosisCodeSets).where(eq(diagnosisCodeSets.id, CURRENT)).get()?.loadNumber ?? 0;
}

/** Replaces the whole code set; the caller's transaction makes it all or nothing. */
export function replaceCodeSet(tx: Db, load: CodeSetLoad): CodeSet {
  const loadNumber = codeSetLoadNumber(tx) + 1;
  const edition = `${load.edition} ${load.version}`;
  tx.delete(diagnosisCodes).run();
  for (let start = 0; start < load.codes.length; start += INSERT_BATCH) {
    const rows = load.codes.slice(start, start + INSERT_BATCH).map((code) => ({ code: code.code, title: code.title, billable: code.billable, chapter: chapterOf(code.code), edition }));
    tx.insert(diagnosisCodes).values(rows).run();
  }
  const codeSet: CodeSet = { edition: load.edition, version: load.version, source: load.source, fileName: load.fileName, codeCount: load.codes.length, loadedAt: load.loadedAt };
  tx.insert(diagnosisCodeSets)
    .values({ id: CURRENT, ...codeSet, loadNumber })
    .onConflictDoUpdate({ target: diagnosisCodeSets.id, set: { ...codeSet, loadNumber } })
    .run();
  return codeSet;
}

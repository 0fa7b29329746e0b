import { eq } from 'drizzle-orm';
import type { DiagnosisCode } from '#shared/modules/diagnosis-codes/calls.ts';
import type { Db } from '../../db/database.ts';
import { codeSetLoadNumber } from './code-set-store.ts';
import { DiagnosisSearchIndex } from './search-index.ts';
import { diagnosisCodes } from './tables.ts';

type Built = { readonly loadNumber: number; readonly index: DiagnosisSearchIndex };

// One index per open database, rebuilt when the code set's load number moves: an import by this
// process or by the command line on the same file is noticed at the next search.
const built = new WeakMap<Db, Built>();

export function searchIndexOf(db: Db): DiagnosisSearchIndex {
  const loadNumber = codeSetLoadNumber(db);
  const cached = built.get(db);
  if (cached !== undefined && cached.loadNumber === loadNumber) return cached.index;
  const rows = db.select({ code: diagnosisCodes.code, title: diagnosisCodes.title, billable: diagnosisCodes.billable }).from(diagnosisCodes).all();
  const index = new DiagnosisSearchIndex(rows);
  built.set(db, { loadNumber, index });
  return index;
}

export function searchDiagnosisCodes(db: Db, query: string, limit: number): DiagnosisCode[] {
  return searchIndexOf(db).search(query, limit);
}

/** The code as the loaded code set has it, for a caller that records a diagnosis; undefined when the set has no such code. */
export function diagnosisCodeOf(db: Db, code: string): DiagnosisCode | undefined {
  return db.select({ code: diagnosisCodes.code, title: diagnosisCodes.title, billable: diagnosisCodes.billable }).from(diagnosisCodes).where(eq(diagnosisCodes.code, code)).get();
}

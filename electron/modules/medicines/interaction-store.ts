import { count, sql } from 'drizzle-orm';
import type { InteractionRecord } from '#shared/modules/medicines/knowledge/interaction-record.ts';
import type { KnowledgeIndex } from '#shared/modules/medicines/knowledge/knowledge-index.ts';
import { knowledgeIndexWith } from '#shared/modules/medicines/knowledge/starter-knowledge.ts';
import { starterInteractions } from '#shared/modules/medicines/knowledge/starter-interactions.ts';
import type { Db } from '../../db/database.ts';
import { medicineInteractions } from '../../db/schema/index.ts';
import type { MedicineInteractionRow } from './tables.ts';

// The knowledge base lives in a local table and is read into an in-memory index once: the checks
// run at every keystroke of a prescription and must not query the database per pair.

const INSERT_CHUNK = 500;
const indexes = new WeakMap<Db, KnowledgeIndex>();

function recordOf(row: MedicineInteractionRow): InteractionRecord {
  return {
    firstKind: row.firstKind === 'CLASS' ? 'CLASS' : 'INGREDIENT',
    firstName: row.firstName,
    secondKind: row.secondKind === 'CLASS' ? 'CLASS' : 'INGREDIENT',
    secondName: row.secondName,
    severity: row.severity === 'MINOR' || row.severity === 'MODERATE' || row.severity === 'CONTRAINDICATED' ? row.severity : 'SEVERE',
    effect: row.effect,
    advice: row.advice,
    source: row.source,
  };
}

function insertAll(tx: Db, records: readonly InteractionRecord[]): void {
  for (let start = 0; start < records.length; start += INSERT_CHUNK) tx.insert(medicineInteractions).values(records.slice(start, start + INSERT_CHUNK)).run();
}

/** Replaces the whole knowledge base, inside the caller's transaction: a file is taken whole or not at all. */
export function replaceInteractions(tx: Db, records: readonly InteractionRecord[]): void {
  tx.delete(medicineInteractions).run();
  tx.run(sql`delete from sqlite_sequence where name = 'medicine_interactions'`);
  insertAll(tx, records);
}

/** Forgets the index built from the table, after the table changed. */
export function forgetKnowledgeIndex(db: Db): void {
  indexes.delete(db);
}

/** A workstation begins with the shipped starter set until a clinic imports its own. */
export function ensureStarterInteractions(db: Db): void {
  const held = db.select({ total: count() }).from(medicineInteractions).get()?.total ?? 0;
  if (held > 0) return;
  db.transaction((tx) => insertAll(tx, starterInteractions));
}

/** The index over this workstation's knowledge base, built on first use. */
export function knowledgeIndexOf(db: Db): KnowledgeIndex {
  const held = indexes.get(db);
  if (held !== undefined) return held;
  ensureStarterInteractions(db);
  const index = knowledgeIndexWith(db.select().from(medicineInteractions).all().map(recordOf));
  indexes.set(db, index);
  return index;
}

export function knowledgeSummary(db: Db): { pairs: number; sources: string[] } {
  ensureStarterInteractions(db);
  const pairs = db.select({ total: count() }).from(medicineInteractions).get()?.total ?? 0;
  const sources = db.selectDistinct({ source: medicineInteractions.source }).from(medicineInteractions).limit(20).all().map((row) => row.source).filter((source) => source !== '');
  return { pairs, sources };
}

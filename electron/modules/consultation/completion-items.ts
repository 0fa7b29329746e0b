import type { Db } from '../../db/database.ts';
import type { EncounterRow } from './tables.ts';

/** A line another module bills with the encounter, with its code and price as charged (minor units). */
export type CompletionItem = { readonly code: string; readonly description: string; readonly quantity: number; readonly unitPriceMinor: number };

/**
 * What another module bills when an encounter completes (the procedures performed), read inside
 * the completion's own transaction so the items and the completion commit together.
 */
export type CompletionItemSource = (tx: Db, encounter: EncounterRow) => readonly CompletionItem[];

const sources = new Set<CompletionItemSource>();

/** Adding the same source again changes nothing. */
export function addCompletionItems(source: CompletionItemSource): void {
  sources.add(source);
}

export function completionItemsOf(tx: Db, encounter: EncounterRow): CompletionItem[] {
  return [...sources].flatMap((source) => source(tx, encounter));
}

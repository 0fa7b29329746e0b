import { readFileSync } from 'node:fs';
import type { MutantResult } from '@stryker-mutator/api/core';

/**
 * The mutants written down as equivalent in EQUIVALENT.md: no test can tell them from the
 * original. One list for people and for the run: a row names the mutant by its file, its
 * mutator, the original code and the replacement, not by its line, so an edit elsewhere in the
 * file keeps it; an edit of that very code makes it a survivor again, to be looked at anew.
 */
export type EquivalentMutant = { readonly file: string; readonly line: number; readonly mutator: string; readonly original: string; readonly replacement: string; readonly reason: string };

const documentPath = new URL('EQUIVALENT.md', import.meta.url);

function normalized(code: string): string {
  return code.replace(/\s+/g, ' ').trim();
}

/** A table cell's code: its backticks gone, `\|` back to a pipe. */
function cellCode(cell: string): string {
  return normalized(cell.trim().replace(/^`+|`+$/g, '').replace(/\\\|/g, '|'));
}

/** The rows of EQUIVALENT.md's table: | file | line | mutator | original | replacement | reason |. */
export function equivalentMutants(): EquivalentMutant[] {
  const rows = readFileSync(documentPath, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| `'));
  return rows.map((row) => {
    const cells = row.slice(1, row.trimEnd().endsWith('|') ? row.trimEnd().length - 1 : undefined).split(/(?<!\\)\|/);
    const [file = '', line = '', mutator = '', original = '', replacement = '', ...reason] = cells;
    return { file: cellCode(file), line: Number(line.trim()), mutator: cellCode(mutator), original: cellCode(original), replacement: cellCode(replacement), reason: reason.join('|').trim() };
  });
}

/** The source text a mutant replaces. Stryker counts lines and columns from one. */
function originalOf(source: string, mutant: MutantResult): string {
  const lines = source.split('\n');
  const { start, end } = mutant.location;
  const first = lines[start.line - 1] ?? '';
  if (start.line === end.line) return first.slice(start.column - 1, end.column - 1);
  const middle = lines.slice(start.line, end.line - 1);
  return [first.slice(start.column - 1), ...middle, (lines[end.line - 1] ?? '').slice(0, end.column - 1)].join('\n');
}

/** Code given by its start ends with an ellipsis: a block, say, whose whole text would not fit a row. */
function sameCode(original: string, documented: string): boolean {
  return documented.endsWith('…') ? original.startsWith(documented.slice(0, -1).trimEnd()) : original === documented;
}

let cached: EquivalentMutant[] | null = null;

export function isDocumentedEquivalent(file: string, source: string, mutant: MutantResult): boolean {
  cached ??= equivalentMutants();
  const original = normalized(originalOf(source, mutant));
  const replacement = normalized(mutant.replacement);
  return cached.some((entry) => entry.file === file && entry.mutator === mutant.mutatorName && entry.replacement === replacement && sameCode(original, entry.original));
}

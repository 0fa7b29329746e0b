import { z } from 'zod';
import { alertSeverities } from '../checks/alerts.ts';
import { parseCsv } from './csv.ts';

export const conceptKinds = ['INGREDIENT', 'CLASS'] as const;
export type ConceptKind = (typeof conceptKinds)[number];

/** How names are compared: lower case, single spaces. */
export function conceptName(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

const nameSchema = (label: string) =>
  z
    .string()
    .transform(conceptName)
    .pipe(z.string().min(1, { error: `${label} is empty` }).max(120, { error: `${label} has more than 120 characters` }));
const kindSchema = (label: string) =>
  z
    .string()
    .transform((value) => value.trim().toUpperCase())
    .pipe(z.enum(conceptKinds, { error: `${label} must be INGREDIENT or CLASS` }));

/** One pair of the knowledge base: two ingredients or classes, what happens, and what to do. */
export const interactionRecordSchema = z.object({
  firstKind: kindSchema('first_kind'),
  firstName: nameSchema('first_name'),
  secondKind: kindSchema('second_kind'),
  secondName: nameSchema('second_name'),
  severity: z
    .string()
    .transform((value) => value.trim().toUpperCase())
    .pipe(z.enum(alertSeverities, { error: `severity must be one of ${alertSeverities.join(', ')}` })),
  effect: z.string().trim().min(1, { error: 'effect is empty' }).max(1000, { error: 'effect has more than 1000 characters' }),
  advice: z.string().trim().min(1, { error: 'advice is empty' }).max(1000, { error: 'advice has more than 1000 characters' }),
  source: z.string().trim().max(200, { error: 'source has more than 200 characters' }).default(''),
});
export type InteractionRecord = z.output<typeof interactionRecordSchema>;

/** The CSV's columns, in this order, with a header line naming them (README, "Interaction knowledge base"). */
export const interactionCsvColumns = ['first_kind', 'first_name', 'second_kind', 'second_name', 'severity', 'effect', 'advice', 'source'] as const;

/** At most this many pairs in one file; a licensed base of a few hundred thousand fits. */
export const MAX_INTERACTION_ROWS = 1_000_000;
const MAX_PROBLEMS_SHOWN = 5;

export type ParsedInteractions = { readonly ok: true; readonly records: InteractionRecord[] } | { readonly ok: false; readonly problems: string[] };

/**
 * Reads an interaction CSV whole: every line must be good, or none is taken, and the first few
 * problems come back with their line numbers so the file can be fixed.
 */
export function parseInteractionCsv(text: string): ParsedInteractions {
  const lines = parseCsv(text);
  if (!lines.ok) return { ok: false, problems: [lines.problem] };
  const [header, ...rows] = lines.rows;
  const expected = interactionCsvColumns.join(',');
  if (header === undefined || header.map((cell) => cell.trim().toLowerCase()).join(',') !== expected) {
    return { ok: false, problems: [`Line 1 must be the header: ${expected}`] };
  }
  const problems: string[] = [];
  const records: InteractionRecord[] = [];
  rows.forEach((cells, index) => {
    const lineNumber = index + 2;
    if (cells.length === 1 && cells[0]?.trim() === '') return;
    if (cells.length !== interactionCsvColumns.length) {
      problems.push(`Line ${String(lineNumber)}: expected ${String(interactionCsvColumns.length)} columns, found ${String(cells.length)}`);
      return;
    }
    const parsed = interactionRecordSchema.safeParse(Object.fromEntries(interactionCsvColumns.map((column, position) => [column === 'first_kind' ? 'firstKind' : column === 'first_name' ? 'firstName' : column === 'second_kind' ? 'secondKind' : column === 'second_name' ? 'secondName' : column, cells[position] ?? ''])));
    if (!parsed.success) {
      problems.push(`Line ${String(lineNumber)}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
      return;
    }
    records.push(parsed.data);
  });
  if (problems.length > 0) {
    const more = problems.length > MAX_PROBLEMS_SHOWN ? [`… and ${String(problems.length - MAX_PROBLEMS_SHOWN)} more lines with problems`] : [];
    return { ok: false, problems: [...problems.slice(0, MAX_PROBLEMS_SHOWN), ...more] };
  }
  if (records.length === 0) return { ok: false, problems: ['The file has no pairs after its header'] };
  if (records.length > MAX_INTERACTION_ROWS) return { ok: false, problems: [`The file has more than ${String(MAX_INTERACTION_ROWS)} pairs`] };
  return { ok: true, records };
}

import { formatIcdCode } from './code-format.ts';

/** One code read from a published tabular file. */
export type TabularCode = { readonly code: string; readonly title: string; readonly billable: boolean };

/**
 * The CMS ICD-10-CM order file (icd10cm_order_YYYY.txt, every code with a header flag) or the
 * codes file (icd10cm_codes_YYYY.txt, billable codes only, "code  description").
 */
export type TabularFormat = 'order' | 'codes';

export type TabularParse = { readonly ok: true; readonly codes: TabularCode[] } | { readonly ok: false; readonly lineNumber: number; readonly message: string };

const ORDER_LINE_START = /^\d{5} /;
// Fixed width: order number (5), blank, code (7), blank, flag, blank, short description (60), blank, long description.
const ORDER_CODE = { from: 6, to: 13 };
const ORDER_FLAG_AT = 14;
const ORDER_LONG_FROM = 77;
const CODES_LINE = /^(\S+)\s+(\S.*)$/;

/** Which of the two published forms a file is, from its first line that holds anything. */
export function tabularFormatOf(firstLine: string): TabularFormat {
  return ORDER_LINE_START.test(firstLine) ? 'order' : 'codes';
}

function readOrderLine(line: string): TabularCode | string {
  if (!ORDER_LINE_START.test(line)) return 'it does not start with a five-digit order number and a space, as every line of an order file does';
  if (line.length <= ORDER_LONG_FROM) return 'it is too short for the order file’s fixed-width columns (no long description)';
  const rawCode = line.slice(ORDER_CODE.from, ORDER_CODE.to).trim();
  const code = formatIcdCode(rawCode);
  if (code === null || rawCode.includes('.')) return `"${rawCode}" is not an ICD-10 code`;
  if (line[ORDER_CODE.to] !== ' ' || line[ORDER_FLAG_AT + 1] !== ' ') return 'its columns are not where the order file puts them';
  const flag = line[ORDER_FLAG_AT];
  if (flag !== '0' && flag !== '1') return `the header flag is "${flag ?? ''}"; it must be 0 (header) or 1 (billable)`;
  const title = line.slice(ORDER_LONG_FROM).trim();
  if (title === '') return 'the description is empty';
  return { code, title, billable: flag === '1' };
}

function readCodesLine(line: string): TabularCode | string {
  const match = CODES_LINE.exec(line);
  if (match === null) return 'it is not a code followed by spaces and a description';
  const [, rawCode = '', title = ''] = match;
  const code = formatIcdCode(rawCode);
  if (code === null) return `"${rawCode}" is not an ICD-10 code`;
  return { code, title: title.trim(), billable: true };
}

/**
 * Reads lines of one format, numbered from `firstLineNumber`; the first bad line stops it with
 * its number and why. Blank lines are skipped. `seen` carries the codes of earlier parts of the
 * same file, so a code given twice is caught across parts too.
 */
export function parseTabularLines(lines: readonly string[], format: TabularFormat, firstLineNumber: number, seen: Set<string>): TabularParse {
  const codes: TabularCode[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').replace(/\r$/, '');
    if (line.trim() === '') continue;
    const lineNumber = firstLineNumber + index;
    const read = format === 'order' ? readOrderLine(line) : readCodesLine(line);
    if (typeof read === 'string') return { ok: false, lineNumber, message: `Line ${lineNumber}: ${read}. Nothing was imported.` };
    if (seen.has(read.code)) return { ok: false, lineNumber, message: `Line ${lineNumber}: the code ${read.code} is listed twice. Nothing was imported.` };
    seen.add(read.code);
    codes.push(read);
  }
  return { ok: true, codes };
}

/** Edition and version from a published file's name (icd10cm_order_2025.txt -> ICD-10-CM 2025), when it says. */
export function editionFromFileName(fileName: string): { edition: 'ICD-10-CM' | 'WHO ICD-10'; version: string } | null {
  const cm = /icd10cm[^0-9]*(\d{4})/i.exec(fileName);
  if (cm?.[1] !== undefined) return { edition: 'ICD-10-CM', version: cm[1] };
  const who = /icd10?[^0-9]*(\d{4})/i.exec(fileName);
  if (who?.[1] !== undefined) return { edition: 'WHO ICD-10', version: who[1] };
  return null;
}

import type { TabularCode } from '#shared/modules/diagnosis-codes/tabular-file.ts';

// Writing the CMS ICD-10-CM tabular files' two text forms, for fixtures and the benchmark.

const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/\bunspecified\b/g, 'unsp'],
  [/\bwithout\b/g, 'w/o'],
  [/\bwith\b/g, 'w'],
  [/\binitial encounter\b/g, 'init'],
  [/\bsubsequent encounter\b/g, 'subs'],
  [/\bright\b/g, 'r'],
  [/\bleft\b/g, 'l'],
  [/\bdisease\b/g, 'dis'],
  [/\bdiabetes mellitus\b/gi, 'diabetes'],
];

/** The short description as CMS writes it: the long one, abbreviated to fit 60 characters. */
export function shortDescription(title: string): string {
  if (title.length <= 60) return title;
  let short = title;
  for (const [pattern, replacement] of ABBREVIATIONS) short = short.replace(pattern, replacement);
  return short.slice(0, 60).trimEnd();
}

/** One line of icd10cm_order_YYYY.txt: order number (5), code (7), header flag, short (60), long, blank-separated. */
export function orderFileLine(orderNumber: number, code: TabularCode): string {
  const undotted = code.code.replace('.', '');
  return `${String(orderNumber).padStart(5, '0')} ${undotted.padEnd(7)} ${code.billable ? '1' : '0'} ${shortDescription(code.title).padEnd(60)} ${code.title}`;
}

/** A whole order file, with Windows line ends as the published one has. */
export function orderFile(codes: readonly TabularCode[]): string {
  return codes.map((code, index) => `${orderFileLine(index + 1, code)}\r\n`).join('');
}

/** icd10cm_codes_YYYY.txt: the billable codes only, the code padded to seven, a space, the description. */
export function codesFile(codes: readonly TabularCode[]): string {
  return codes
    .filter((code) => code.billable)
    .map((code) => `${code.code.replace('.', '').padEnd(7)} ${code.title}\r\n`)
    .join('');
}

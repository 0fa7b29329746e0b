/**
 * Dates typed as text in the clinic's own order ("12/04/1988" in the United Kingdom,
 * "04/12/1988" in the United States, "1988/04/12" in Japan). A plain text field rather than the
 * browser's date input: that one shows the computer's order, not the clinic's, and keeps the
 * first Tab after a typed year inside itself, so what is typed next lands nowhere.
 */
export type DateEntryFormat = {
  /** The parts in the order they are typed. */
  readonly order: readonly ('day' | 'month' | 'year')[];
  readonly separator: string;
  /** "DD/MM/YYYY": shown in the field and in its messages. */
  readonly hint: string;
};

const partLetters = { day: 'DD', month: 'MM', year: 'YYYY' } as const;

function countryDateParts(country: string): Intl.DateTimeFormatPart[] {
  try {
    const { language } = new Intl.Locale(`und-${country}`).maximize();
    return new Intl.DateTimeFormat(`${language}-${country}`, { day: '2-digit', month: '2-digit', year: 'numeric', numberingSystem: 'latn', calendar: 'gregory' }).formatToParts(new Date(Date.UTC(2001, 10, 22)));
  } catch {
    // An empty or unknown country: no order of its own.
    return [];
  }
}

/** The order a country writes dates in, from the browser's own formatting for it; ISO where it has none. */
export function dateEntryFormatFor(country: string): DateEntryFormat {
  const parts = countryDateParts(country);
  const order = parts.flatMap((part) => (part.type === 'day' || part.type === 'month' || part.type === 'year' ? [part.type] : []));
  if (order.length !== 3) return { order: ['year', 'month', 'day'], separator: '-', hint: 'YYYY-MM-DD' };
  // Only a visible separator: some languages put direction marks among the literals.
  const separator = /[./-]/.exec(parts.filter((part) => part.type === 'literal').map((part) => part.value).join(''))?.[0] ?? '/';
  return { order, separator, hint: order.map((part) => partLetters[part]).join(separator) };
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The ISO date (YYYY-MM-DD) of what was typed, in the clinic's order or as an ISO date; null when
 * it is not a real date with a four-digit year. Any non-digits separate the parts; eight digits
 * alone are read in the clinic's order.
 */
export function parseTypedDate(text: string, format: DateEntryFormat): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const numbers = iso !== null ? [iso[1], iso[2], iso[3]] : /^\d{8}$/.test(trimmed) ? splitDigits(trimmed, format) : trimmed.split(/\D+/);
  const order = iso !== null ? (['year', 'month', 'day'] as const) : format.order;
  if (numbers.length !== 3) return null;
  const value = (part: 'day' | 'month' | 'year'): string => numbers[order.indexOf(part)] ?? '';
  const [year, month, day] = [value('year'), value('month'), value('day')];
  if (!/^\d{4}$/.test(year) || !/^\d{1,2}$/.test(month) || !/^\d{1,2}$/.test(day)) return null;
  if (!isRealDate(Number(year), Number(month), Number(day))) return null;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Eight digits typed without separators, cut in the clinic's order: "12041988" is 12/04/1988. */
function splitDigits(digits: string, format: DateEntryFormat): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const part of format.order) {
    const length = part === 'year' ? 4 : 2;
    parts.push(digits.slice(start, start + length));
    start += length;
  }
  return parts;
}

/** An ISO date written as the clinic types it. */
export function formatTypedDate(isoDate: string, format: DateEntryFormat): string {
  const [year = '', month = '', day = ''] = isoDate.split('-');
  const parts = { year, month, day };
  return format.order.map((part) => parts[part]).join(format.separator);
}

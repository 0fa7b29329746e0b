import { parseBarcode, type ParsedElement } from 'gs1-barcode-parser-mod';
import { defaultGroupSeparatorSubstitutes, GROUP_SEPARATOR, restoreGroupSeparators } from './group-separator.ts';
import { looksLikeGtin, readGtin, type GtinForm } from './gtin.ts';

// What a scan at the counter means: a plain pack code, a GS1 element string carrying the pack's
// GTIN, expiry, lot and serial, a clinic's own code, or something refused with a reason a
// pharmacist can act on.

export type ScannedCode =
  | { readonly kind: 'gtin'; readonly gtin14: string; readonly form: GtinForm }
  | {
      readonly kind: 'gs1';
      readonly gtin14: string;
      /** The last day the pack may be used ("2026-06-30"); day 00 in the code means the month's end. */
      readonly expiry: string | null;
      readonly lot: string | null;
      readonly serial: string | null;
      readonly symbology: string;
    }
  /** Not a GS1 code: looked up among the clinic's own codes. */
  | { readonly kind: 'own-code'; readonly code: string }
  | { readonly kind: 'refused'; readonly message: string };

export type ScanReadingSettings = { readonly groupSeparatorSubstitutes: readonly string[] };

export const defaultScanReadingSettings: ScanReadingSettings = { groupSeparatorSubstitutes: defaultGroupSeparatorSubstitutes };

/** Symbology identifiers (ISO/IEC 15424) of symbols that carry GS1 element strings. */
const gs1Symbologies: Readonly<Record<string, string>> = { ']C1': 'GS1-128', ']d2': 'GS1 DataMatrix', ']e0': 'GS1 DataBar', ']Q3': 'GS1 QR Code' };

/** Symbology identifiers of plain EAN/UPC symbols, sent by scanners set to prefix every code. */
const linearSymbologies = new Set([']E0', ']E1', ']E2', ']E3', ']E4', ']X0']);

const OWN_CODE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;

/** Reads one scan or typed code. The terminator (Enter, Tab) is already gone. */
export function readScannedCode(input: string, settings: ScanReadingSettings = defaultScanReadingSettings): ScannedCode {
  const text = restoreGroupSeparators(input.trim(), settings.groupSeparatorSubstitutes);
  if (text === '') return { kind: 'refused', message: 'The scan was empty. Scan the code again.' };
  const prefix = text.slice(0, 3);
  const gs1Symbology = gs1Symbologies[prefix];
  if (gs1Symbology !== undefined) return readElementString(text, gs1Symbology);
  const body = linearSymbologies.has(prefix) ? text.slice(3) : text;
  if (looksLikeGtin(body)) {
    const gtin = readGtin(body);
    return gtin.ok ? { kind: 'gtin', gtin14: gtin.gtin14, form: gtin.form } : { kind: 'refused', message: gtin.message };
  }
  if (body.startsWith(GROUP_SEPARATOR) || body.startsWith('(') || /^\d{16,}/.test(body)) return readElementString(text, 'GS1 element string');
  if (/^\d+$/.test(body)) return { kind: 'refused', message: `"${body}" has ${String(body.length)} digits: a product code has 8, 12, 13 or 14. Scan it again.` };
  if (OWN_CODE.test(body)) return { kind: 'own-code', code: body };
  return { kind: 'refused', message: 'This code is neither a product code nor a GS1 code the pharmacy reads.' };
}

function readElementString(text: string, symbology: string): ScannedCode {
  // A scanner that sends FNC1 in first position as a separator puts one before the first element
  // (after the symbology identifier, if any); the library expects the data to start there.
  const prefixLength = text.startsWith(']') ? 3 : 0;
  let dataStart = prefixLength;
  while (text.charAt(dataStart) === GROUP_SEPARATOR) dataStart += 1;
  const withoutLeadingSeparator = text.slice(0, prefixLength) + text.slice(dataStart);
  let elements: readonly ParsedElement[];
  try {
    elements = parseBarcode(withoutLeadingSeparator).parsedCodeItems;
  } catch (problem) {
    return { kind: 'refused', message: `The GS1 code could not be read (${typeof problem === 'string' ? problem : 'unreadable'}). Scan it again.` };
  }
  const byAi = new Map(elements.map((element) => [element.ai, element]));
  const gtinElement = byAi.get('01');
  if (gtinElement === undefined) return { kind: 'refused', message: 'This GS1 code names no product (no GTIN, AI 01). Scan the code on the pack itself.' };
  const gtin = readGtin(gtinElement.raw);
  if (!gtin.ok) return { kind: 'refused', message: gtin.message };
  const expiry = byAi.get('17');
  if (expiry !== undefined && !isCalendarDay(expiry)) return { kind: 'refused', message: `The expiry date in this GS1 code (${expiry.raw}, YYMMDD) is not a date. Scan it again or enter the expiry by hand.` };
  for (const element of [byAi.get('10'), byAi.get('21')]) {
    const stray = element === undefined ? null : outsideSet82(element.raw);
    if (stray !== null) {
      return { kind: 'refused', message: `The GS1 code holds "${stray}", which a GS1 lot or serial never contains: the scanner may type it for the group separator. Add it to the scanner settings' separator substitutes.` };
    }
  }
  return {
    kind: 'gs1',
    gtin14: gtin.gtin14,
    expiry: expiry?.isoDate ?? null,
    lot: byAi.get('10')?.raw ?? null,
    serial: byAi.get('21')?.raw ?? null,
    symbology,
  };
}

/**
 * The library rolls an impossible day over into the next month (30 February becomes 2 March), and
 * an impossible month into the next year (month 13 becomes January), which would put a wrong
 * expiry on a batch; the day it read must be the day the code says, or for day 00 its month must
 * be the code's. That also refuses months 00 and 13 up: no real date has them.
 */
function isCalendarDay(expiry: ParsedElement): boolean {
  const month = expiry.raw.slice(2, 4);
  const day = expiry.raw.slice(4, 6);
  return day === '00' ? expiry.isoDate.slice(5, 7) === month : expiry.isoDate.slice(5, 10) === `${month}-${day}`;
}

/** Any character outside GS1 AI encodable character set 82, the only ones a lot or serial may hold. */
const OUTSIDE_SET_82 = /[^!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]/;

function outsideSet82(text: string): string | null {
  return OUTSIDE_SET_82.exec(text)?.[0] ?? null;
}

// Global Trade Item Numbers: every form a pack carries (EAN-8, UPC-A, EAN-13, GTIN-14) is kept
// as the same 14 digits, so one pack scanned as EAN-13 at one counter and inside a GS1
// DataMatrix at another finds the same product.

export type GtinForm = 'EAN-8' | 'UPC-A' | 'EAN-13' | 'GTIN-14';

const formByLength: Readonly<Record<number, GtinForm>> = { 8: 'EAN-8', 12: 'UPC-A', 13: 'EAN-13', 14: 'GTIN-14' };

export type GtinReading =
  | { readonly ok: true; readonly gtin14: string; readonly form: GtinForm }
  | { readonly ok: false; readonly message: string };

/** The GS1 check digit (mod 10, weights 3 and 1 from the right) of the digits before it. */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let fromRight = 0; fromRight < body.length; fromRight += 1) {
    const digit = body.charCodeAt(body.length - 1 - fromRight) - 48;
    sum += fromRight % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether the text has the length of a GTIN form and only digits (its check digit not yet read). */
export function looksLikeGtin(text: string): boolean {
  return /^\d+$/.test(text) && formByLength[text.length] !== undefined;
}

/**
 * Reads a GTIN of any form, refusing a wrong check digit: a misread digit would otherwise find
 * another product, or none, and the pharmacist would not know which.
 */
export function readGtin(text: string): GtinReading {
  const form = /^\d+$/.test(text) ? formByLength[text.length] : undefined;
  if (form === undefined) return { ok: false, message: `"${text}" is not a product code: a GTIN has 8, 12, 13 or 14 digits.` };
  const expected = gtinCheckDigit(text.slice(0, -1));
  const actual = Number(text.slice(-1));
  if (expected !== actual) {
    return { ok: false, message: `The ${form} code ${text} ends in ${String(actual)} but its check digit should be ${String(expected)}: the code was misread or mistyped. Scan it again or check the digits.` };
  }
  return { ok: true, gtin14: text.padStart(14, '0'), form };
}

/** A GTIN-14 as the pack prints it: the shortest form that keeps it (EAN-13 for most medicines). */
export function displayGtin(gtin14: string): string {
  if (gtin14.startsWith('000000')) return gtin14.slice(6);
  if (gtin14.startsWith('00')) return gtin14.slice(2);
  if (gtin14.startsWith('0')) return gtin14.slice(1);
  return gtin14;
}

// GTINs as a person types them into the catalogue (spaces and dashes allowed); the check digit's
// rule is the scanner's own (`shared/scanning/gtin.ts`), so a code saved here is one a scan finds.

import { gtinCheckDigit } from '../../scanning/gtin.ts';

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

export type GtinCheck = { readonly valid: true; readonly gtin14: string } | { readonly valid: false; readonly message: string };

/** Checks a scanned or typed GTIN and gives its 14-digit form, the one lookups use. */
export function checkGtin(raw: string): GtinCheck {
  const code = raw.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(code)) return { valid: false, message: 'A GTIN has digits only' };
  if (!GTIN_LENGTHS.has(code.length)) return { valid: false, message: `A GTIN has 8, 12, 13 or 14 digits; this one has ${String(code.length)}` };
  const expected = gtinCheckDigit(code.slice(0, -1));
  const given = Number(code.slice(-1));
  if (expected !== given) return { valid: false, message: `The check digit of ${code} is wrong: it should end in ${String(expected)}, not ${String(given)}. Check the number for a typing mistake.` };
  return { valid: true, gtin14: code.padStart(14, '0') };
}

/** Completes a GTIN from its digits without the check digit: for demo data and tests. */
export function withCheckDigit(digitsWithoutCheck: string): string {
  return `${digitsWithoutCheck}${String(gtinCheckDigit(digitsWithoutCheck))}`;
}

/** The form a code is looked up by: a GTIN as 14 digits, a clinic's own code upper-cased and trimmed. */
export function barcodeLookupCode(kind: 'GTIN' | 'CLINIC', raw: string): string | null {
  if (kind === 'CLINIC') return raw.trim().toUpperCase();
  const checked = checkGtin(raw);
  return checked.valid ? checked.gtin14 : null;
}

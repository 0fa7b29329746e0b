// The library ships plain JavaScript; these are the parts of its result the scanner reads.
declare module 'gs1-barcode-parser-mod' {
  export type ParsedElement = {
    readonly ai: string;
    readonly dataTitle: string;
    readonly data: unknown;
    readonly unit: string;
    /** A date element's day as the code says it ("2025-06-30"), whatever the reader's time zone; empty otherwise. */
    readonly isoDate: string;
    readonly raw: string;
  };
  export type ParsedBarcode = { readonly codeName: string; readonly parsedCodeItems: readonly ParsedElement[] };
  /** Throws a plain string ("no valid AI", "invalid AI") when the code cannot be read. */
  export function parseBarcode(barcode: string): ParsedBarcode;
}

import { IMPORT_PART_MAX_CHARS } from './calls.ts';

/**
 * Where the part starting at `from` ends: after its last whole line, or, for a line longer than a
 * part, never between the two halves of a character such as an emoji (neither half alone can be sent).
 */
export function partEnd(text: string, from: number): number {
  const limit = from + IMPORT_PART_MAX_CHARS;
  if (limit >= text.length) return text.length;
  const afterLine = text.lastIndexOf('\n', limit - 1) + 1;
  if (afterLine > from) return afterLine;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

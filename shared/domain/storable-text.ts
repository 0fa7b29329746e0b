/**
 * Text every replica can hold exactly as typed. Two kinds of character cannot be:
 * - U+0000: PostgreSQL's text refuses it (error 22021) and its jsonb refuses the \u0000 escape
 *   (22P05), so a row holding one could never reach the hub.
 * - half of a UTF-16 surrogate pair: PostgreSQL's jsonb refuses the \ud800 escape (22P02), its
 *   text gets U+FFFD in its place, and SQLite keeps bytes that are not UTF-8 and reads them back
 *   as three U+FFFD: each replica would hold something else than what was typed.
 * Everything else, other control characters and whole pairs (emoji) included, is stored as is.
 */
// eslint-disable-next-line no-control-regex -- U+0000 is the very character this looks for.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_TEXT_MESSAGE = 'This text holds a character that cannot be saved (an invisible U+0000, or half of an emoji or other paired character); remove it and type it again.';

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * The path to the first string, or object key, in a JSON-like value that cannot be stored, or
 * null when every one can. Walks arrays and plain objects; other values hold no text.
 */
export function unstorableTextPath(value: unknown, path: readonly (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return isStorableText(value) ? null : [...path];
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = unstorableTextPath(value[index], [...path, index]);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      // The key is named spelt out: it ends up in a message, and the message must be storable too.
      if (!isStorableText(key)) return [...path, spellOutUnstorable(key)];
      const found = unstorableTextPath(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/** The text with each character that cannot be stored spelt out as its escape (\u0000), for a record of what was refused. */
export function spellOutUnstorable(text: string): string {
  return text.replace(new RegExp(UNSTORABLE.source, 'g'), (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// The GS1 group separator (ASCII 29, FNC1 in the symbol) ends a variable-length element such as a
// lot. A keyboard-wedge scanner cannot always type it, so it is set up to type a substitute instead.

export const GROUP_SEPARATOR = String.fromCharCode(29);

/**
 * The substitutes read as a group separator unless the clinic configures its scanners otherwise.
 * `|` and `~` are outside the characters GS1 allows in element data (set 82), so they can never
 * be part of a lot or serial; `<GS>` is what several scanners type by default.
 */
export const defaultGroupSeparatorSubstitutes: readonly string[] = ['|', '~', '<GS>'];

/** The scanned text with every configured substitute turned back into the group separator. */
export function restoreGroupSeparators(text: string, substitutes: readonly string[]): string {
  let restored = text;
  for (const substitute of substitutes) {
    if (substitute !== '') restored = restored.split(substitute).join(GROUP_SEPARATOR);
  }
  return restored;
}

import { seededRandom } from '#core/demo/sample-names.ts';
import { starterCodes } from '#core/modules/diagnosis-codes/starter-list.ts';
import type { TabularCode } from '#shared/modules/diagnosis-codes/tabular-file.ts';

// A code list shaped like the full ICD-10-CM: every category of every chapter letter, most with
// subcategories by cause, site and side, injuries with the seventh character for the encounter
// (A initial, D subsequent, S sequela) and X placeholders; titles built from the starter list's
// real titles and the classification's own words. The real starter codes are all in it.

const SITES = ['head', 'neck', 'thorax', 'abdomen', 'lower back', 'pelvis', 'shoulder', 'upper arm', 'elbow', 'forearm', 'wrist', 'hand', 'finger', 'thumb', 'hip', 'thigh', 'knee', 'lower leg', 'ankle', 'foot', 'toe', 'eyelid', 'ear', 'cervical region', 'thoracic region', 'lumbar region', 'sacral region', 'upper limb', 'lower limb', 'multiple sites'];
const SIDES = ['right', 'left', 'bilateral', 'unspecified side'];
const QUALIFIERS = ['acute', 'chronic', 'recurrent', 'with complication', 'without complication', 'with hemorrhage', 'without hemorrhage', 'mild', 'moderate', 'severe', 'due to bacterial infection', 'due to viral infection', 'in remission', 'intractable', 'not intractable', 'with obstruction', 'without obstruction', 'congenital', 'drug-induced', 'other specified', 'unspecified'];
const ENCOUNTERS = [
  ['A', 'initial encounter'],
  ['D', 'subsequent encounter'],
  ['S', 'sequela'],
] as const;
const DIGITS = '0123456789';

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick');
  return item;
}

/** A real title cut back to its condition: "Acute pharyngitis, unspecified" -> "Acute pharyngitis". */
function conditionOf(title: string): string {
  return (title.split(',')[0] ?? title).replace(/ (of|in|with|without|due to) .*$/, '').trim();
}

export function icd10cmShapedCodes(total: number, seed = 2026): TabularCode[] {
  const random = seededRandom(seed);
  const real = starterCodes();
  const taken = new Set(real.map((code) => code.code));
  const out: TabularCode[] = [...real];
  const conditionsByLetter = new Map<string, string[]>();
  for (const code of real) {
    const letter = code.code[0] ?? 'A';
    conditionsByLetter.set(letter, [...(conditionsByLetter.get(letter) ?? []), conditionOf(code.title)]);
  }
  const allConditions = [...conditionsByLetter.values()].flat();
  const letters = 'ABCDEFGHIJKLMNOPQRSTVWXYZ'.split('');
  const weightOf = (letter: string): number => (letter === 'S' || letter === 'T' ? 2.5 : 1);
  let weightLeft = letters.reduce((sum, letter) => sum + weightOf(letter) * 100, 0);
  const add = (code: string, title: string, billable: boolean): void => {
    if (out.length >= total || taken.has(code)) return;
    taken.add(code);
    out.push({ code, title, billable });
  };
  for (const letter of letters) {
    const injury = letter === 'S' || letter === 'T';
    for (let number = 0; number < 100; number += 1) {
      const category = `${letter}${String(number).padStart(2, '0')}`;
      const condition = pick(random, conditionsByLetter.get(letter) ?? allConditions);
      // Spread what is left over the categories still to come, so every letter gets its share.
      const budget = Math.round(((total - out.length) / weightLeft) * weightOf(letter) * (0.6 + 0.8 * random()));
      weightLeft -= weightOf(letter);
      // A real category keeps its real codes: nothing made up below it.
      if (taken.has(category)) continue;
      const before = out.length;
      add(category, condition, false);
      for (const fourth of DIGITS) {
        if (out.length - before >= budget) break;
        const qualifier = pick(random, QUALIFIERS);
        const subcategory = `${category}.${fourth}`;
        const deeper = injury || random() < 0.6;
        add(subcategory, `${condition}, ${qualifier}`, !deeper);
        if (!deeper) continue;
        const site = pick(random, SITES);
        for (const [index, side] of SIDES.entries()) {
          const sided = `${condition} of ${side === 'unspecified side' ? 'unspecified' : side} ${site}, ${qualifier}`;
          const fifth = `${subcategory}${String(index + 1)}`;
          if (injury) for (const [seventh, encounter] of ENCOUNTERS) add(`${fifth}X${seventh}`, `${sided}, ${encounter}`, true);
          else add(fifth, sided, true);
        }
      }
    }
  }
  return out;
}

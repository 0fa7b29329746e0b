/** ICD-10 editions a code set can come from. */
export const icdEditions = ['ICD-10-CM', 'WHO ICD-10'] as const;
export type IcdEdition = (typeof icdEditions)[number];

/** A code as the tabular files write it, without its dot: a letter, two characters, up to four more. */
const UNDOTTED_CODE = /^[A-Z][0-9][0-9A-Z]{1,5}$/;

/** J069 -> J06.9, A09 -> A09, J06.9 -> J06.9; null for text that is not shaped like a code. */
export function formatIcdCode(raw: string): string | null {
  const undotted = undottedCode(raw);
  if (!UNDOTTED_CODE.test(undotted)) return null;
  return undotted.length <= 3 ? undotted : `${undotted.slice(0, 3)}.${undotted.slice(3)}`;
}

/** The code's characters without the dot, upper case: how codes are compared and indexed. */
export function undottedCode(text: string): string {
  return text.trim().toUpperCase().replace('.', '');
}

/** Whether typed text could be (the start of) a code: J, J0, J06, J06., J06.9. */
export function looksLikeCodePrefix(text: string): boolean {
  return /^[A-Za-z][0-9][0-9A-Za-z]{0,1}(\.?[0-9A-Za-z]{0,4})?$/.test(text.trim()) || /^[A-Za-z][0-9]?$/.test(text.trim());
}

type Chapter = { readonly number: number; readonly first: string; readonly title: string };

// Ordered by first category; U (special purposes) sits between S-T and V in the alphabet.
const chapters: readonly Chapter[] = [
  { number: 1, first: 'A00', title: 'Certain infectious and parasitic diseases' },
  { number: 2, first: 'C00', title: 'Neoplasms' },
  { number: 3, first: 'D50', title: 'Diseases of the blood and blood-forming organs and certain disorders involving the immune mechanism' },
  { number: 4, first: 'E00', title: 'Endocrine, nutritional and metabolic diseases' },
  { number: 5, first: 'F00', title: 'Mental, behavioral and neurodevelopmental disorders' },
  { number: 6, first: 'G00', title: 'Diseases of the nervous system' },
  { number: 7, first: 'H00', title: 'Diseases of the eye and adnexa' },
  { number: 8, first: 'H60', title: 'Diseases of the ear and mastoid process' },
  { number: 9, first: 'I00', title: 'Diseases of the circulatory system' },
  { number: 10, first: 'J00', title: 'Diseases of the respiratory system' },
  { number: 11, first: 'K00', title: 'Diseases of the digestive system' },
  { number: 12, first: 'L00', title: 'Diseases of the skin and subcutaneous tissue' },
  { number: 13, first: 'M00', title: 'Diseases of the musculoskeletal system and connective tissue' },
  { number: 14, first: 'N00', title: 'Diseases of the genitourinary system' },
  { number: 15, first: 'O00', title: 'Pregnancy, childbirth and the puerperium' },
  { number: 16, first: 'P00', title: 'Certain conditions originating in the perinatal period' },
  { number: 17, first: 'Q00', title: 'Congenital malformations, deformations and chromosomal abnormalities' },
  { number: 18, first: 'R00', title: 'Symptoms, signs and abnormal clinical and laboratory findings, not elsewhere classified' },
  { number: 19, first: 'S00', title: 'Injury, poisoning and certain other consequences of external causes' },
  { number: 22, first: 'U00', title: 'Codes for special purposes' },
  { number: 20, first: 'V00', title: 'External causes of morbidity' },
  { number: 21, first: 'Z00', title: 'Factors influencing health status and contact with health services' },
];

/** The chapter a code falls in, by its category (the first three characters). */
export function chapterOf(code: string): number {
  const category = undottedCode(code).slice(0, 3);
  let found = chapters[0]?.number ?? 1;
  for (const chapter of chapters) if (chapter.first <= category) found = chapter.number;
  return found;
}

export function chapterTitle(number: number): string {
  return chapters.find((chapter) => chapter.number === number)?.title ?? '';
}

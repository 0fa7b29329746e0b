import type { Sex } from './patient.ts';

/** What a merge compares to tell whether two records can be one person. */
export type ComparedPerson = { readonly givenName: string; readonly familyName: string; readonly sex: Sex; readonly birthDate: string | null };

/** A name's words, lower case and without accents, in any order: "Sharma, Priya" and "priya SHARMA" are one name. */
function nameWords(person: ComparedPerson): string {
  return `${person.givenName} ${person.familyName}`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .sort()
    .join(' ');
}

export type PersonDifferences = { readonly name: boolean; readonly sex: boolean; readonly birthDate: boolean };

export function personDifferences(first: ComparedPerson, second: ComparedPerson): PersonDifferences {
  return {
    name: nameWords(first) !== nameWords(second),
    sex: first.sex !== second.sex,
    // An unknown date is no evidence either way.
    birthDate: first.birthDate !== null && second.birthDate !== null && first.birthDate !== second.birthDate,
  };
}

/**
 * Two records whose names, sex and dates of birth all differ are most likely two people: merging
 * them would give one person the other's allergies and history, so it needs an explicit
 * confirmation, in the screen and in the core.
 */
export function looksLikeTwoPeople(first: ComparedPerson, second: ComparedPerson): boolean {
  const differences = personDifferences(first, second);
  return differences.name && differences.sex && differences.birthDate;
}

export const TWO_PEOPLE_WARNING = 'These records differ in name, sex and date of birth: they are most likely two different people.';

import { z } from 'zod';

/** The common prescribing abbreviations, each with its words for the patient and how often a day. */
export const frequencies = ['OD', 'BD', 'TDS', 'QID', 'QDS', 'PRN', 'NOCTE', 'MANE', 'STAT'] as const;
export type Frequency = (typeof frequencies)[number];
export const frequencySchema = z.enum(frequencies, { error: `Choose how often: ${frequencies.join(', ')}` });

type FrequencyMeaning = { readonly words: string; readonly timesPerDay: number; readonly once: boolean };

// PRN gives its most in a day (four), which is what the dose check and the quantity need.
const meanings: Readonly<Record<Frequency, FrequencyMeaning>> = {
  OD: { words: 'once a day', timesPerDay: 1, once: false },
  BD: { words: 'twice a day', timesPerDay: 2, once: false },
  TDS: { words: 'three times a day', timesPerDay: 3, once: false },
  QID: { words: 'four times a day', timesPerDay: 4, once: false },
  QDS: { words: 'four times a day', timesPerDay: 4, once: false },
  PRN: { words: 'when needed, at most four times a day', timesPerDay: 4, once: false },
  NOCTE: { words: 'at night', timesPerDay: 1, once: false },
  MANE: { words: 'in the morning', timesPerDay: 1, once: false },
  STAT: { words: 'once, immediately', timesPerDay: 1, once: true },
};

export function frequencyWords(frequency: Frequency): string {
  return meanings[frequency].words;
}

export function timesPerDayOf(frequency: Frequency): number {
  return meanings[frequency].timesPerDay;
}

/**
 * How many units to dispense when the dose is counted in units (tablets, capsules, puffs):
 * dose × times a day × days, rounded up; a stat dose is one dose. Null when it cannot be
 * counted (a dose in mg of a liquid): the doctor gives the quantity.
 */
export function computedQuantity(line: { readonly doseAmount: number; readonly countable: boolean; readonly frequency: Frequency; readonly durationDays: number | null }): number | null {
  if (!line.countable) return null;
  if (meanings[line.frequency].once) return Math.ceil(line.doseAmount);
  if (line.durationDays === null) return null;
  return Math.ceil(line.doseAmount * meanings[line.frequency].timesPerDay * line.durationDays);
}

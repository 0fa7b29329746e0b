import { isCountryCode } from '../reference/countries.ts';

/**
 * The locale a clinic's dates and times are written in: English words (the app's language) with
 * the conventions of the clinic's country, so a clinic in Britain reads "14:05" and one in the
 * United States "02:05 PM", on every screen alike.
 */
export function clinicLocale(country: string): string {
  const code = country.trim().toUpperCase();
  return isCountryCode(code) ? `en-${code}` : 'en';
}

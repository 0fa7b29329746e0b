import { describe, expect, it } from 'vitest';
import { countryCodes } from '#shared/reference/countries.ts';
import { countryDefaults } from '#shared/reference/country-defaults.ts';

// Setup fills a clinic's currency and time zone from its country: each must be a real one.
describe('each country’s default currency and time zone', () => {
  it('names, for every country setup offers, a currency and a zone this runtime knows', () => {
    const currencies = new Set(Intl.supportedValuesOf('currency'));
    const unknown = countryCodes.flatMap((country) => {
      const defaults = countryDefaults(country);
      if (defaults === null) return [`${country}: none`];
      const problems: string[] = [];
      if (!currencies.has(defaults.currency)) problems.push(`${country}: currency ${defaults.currency}`);
      try {
        new Intl.DateTimeFormat('en', { timeZone: defaults.timeZone });
      } catch {
        problems.push(`${country}: zone ${defaults.timeZone}`);
      }
      return problems;
    });
    expect(unknown).toEqual([]);
    expect(countryDefaults('GB')).toEqual({ currency: 'GBP', timeZone: 'Europe/London' });
    expect(countryDefaults('US')).toEqual({ currency: 'USD', timeZone: 'America/New_York' });
    expect(countryDefaults('ZZ')).toBeNull();
  });
});

import { countryDefaults } from '#shared/reference/country-defaults.ts';
import { currencyOptions, timeZoneOptions } from './reference-options.ts';

/** A zone's canonical name in this browser, so "Asia/Calcutta" and "Asia/Kolkata" are one zone. */
function canonicalZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The option of the time-zone list that is this zone, under whichever name the browser lists it. */
function zoneOption(zone: string): string | null {
  if (timeZoneOptions.some((option) => option.value === zone)) return zone;
  const canonical = canonicalZone(zone);
  return timeZoneOptions.find((option) => canonical !== null && canonicalZone(option.value) === canonical)?.value ?? null;
}

/**
 * What choosing a country fills in on first-run setup: its currency, and its time zone (this
 * computer's own when it lies in that country, so a clinic in Chicago keeps Chicago rather than
 * New York). Only values the lists offer; nothing for an unknown country.
 */
export function clinicDefaultsFor(country: string, computerZone: string): { currency?: string; timeZone?: string } {
  const defaults = countryDefaults(country);
  if (defaults === null) return {};
  const filled: { currency?: string; timeZone?: string } = {};
  if (currencyOptions.some((option) => option.value === defaults.currency)) filled.currency = defaults.currency;
  const zone = zoneInCountry(country, computerZone) ? computerZone : zoneOption(defaults.timeZone);
  if (zone !== null && zone !== '') filled.timeZone = zone;
  return filled;
}

/** Whether a zone is one of the country's, by the browser's own list of them where it has one. */
function zoneInCountry(country: string, zone: string): boolean {
  if (zone === '') return false;
  const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & { getTimeZones?: () => string[]; timeZones?: string[] };
  const zones = locale.getTimeZones?.() ?? locale.timeZones ?? [];
  const canonical = canonicalZone(zone);
  return zones.some((candidate) => candidate === zone || (canonical !== null && canonicalZone(candidate) === canonical));
}

import { countryCodes } from '#shared/reference/countries.ts';

export type Option = { readonly value: string; readonly label: string };

const language = navigator.language || 'en';

function displayNames(type: 'region' | 'currency'): Intl.DisplayNames {
  return new Intl.DisplayNames([language, 'en'], { type });
}

export const countryOptions: readonly Option[] = (() => {
  const names = displayNames('region');
  return countryCodes
    .map((code) => ({ value: code, label: names.of(code) ?? code }))
    .sort((a, b) => a.label.localeCompare(b.label));
})();

export const currencyOptions: readonly Option[] = (() => {
  const names = displayNames('currency');
  return Intl.supportedValuesOf('currency').map((code) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` }));
})();

export const timeZoneOptions: readonly Option[] = Intl.supportedValuesOf('timeZone').map((zone) => ({
  value: zone,
  label: zone.replaceAll('_', ' '),
}));

/** This computer's zone when it is one the list offers (a bare "UTC" is not). */
export function guessTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return timeZoneOptions.some((option) => option.value === zone) ? zone : '';
}

export function guessCountry(): string {
  const region = new Intl.Locale(language).maximize().region ?? '';
  return countryCodes.includes(region) ? region : '';
}

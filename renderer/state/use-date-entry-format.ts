import { useCall } from '../api/use-call.ts';
import { dateEntryFormatFor, type DateEntryFormat } from '../forms/date-entry.ts';

/** How dates are typed in the active clinic, from its country; null until the clinic's details have loaded. */
export function useDateEntryFormat(): DateEntryFormat | null {
  const clinic = useCall('clinic.get', {});
  if (clinic.status === 'done') return dateEntryFormatFor(clinic.result.country);
  // A clinic whose details cannot be read still takes dates, in the ISO order every clinic accepts.
  if (clinic.status === 'failed') return dateEntryFormatFor('');
  return null;
}

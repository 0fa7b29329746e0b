import type { ReferenceSupply } from '#shared/api/calls/sync.ts';
import { referenceSeriesLabels } from '#shared/domain/reference-numbers.ts';

function plural(count: number, word: string): string {
  return `${String(count)} ${word}${count === 1 ? '' : 's'}`;
}

/** One sentence on a series running low: how many are left and for how long, or how many are provisional. */
export function referenceSupplySentence(supply: ReferenceSupply): string {
  const label = referenceSeriesLabels[supply.series];
  if (supply.waiting > 0) {
    return `${label}: ${plural(supply.waiting, 'provisional number')} given out here, renamed to leased numbers at the next sync with the hub${supply.remaining > 0 ? `; ${String(supply.remaining)} leased left` : ''}.`;
  }
  const days = supply.perDay > 0 ? Math.floor(supply.remaining / supply.perDay) : null;
  return `${label}: ${String(supply.remaining)} left${days === null ? '' : `, about ${plural(days, 'day')} at this workstation’s recent pace`}.`;
}

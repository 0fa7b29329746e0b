import type { ResultFlag } from '#shared/modules/orders/index.ts';

/** A flag in words and an arrow, so it reads without its colour. */
export function flagWords(flag: ResultFlag | null): string {
  switch (flag) {
    case 'LOW':
      return '↓ low';
    case 'HIGH':
      return '↑ high';
    case 'ABNORMAL':
      return '! abnormal';
    default:
      return '';
  }
}

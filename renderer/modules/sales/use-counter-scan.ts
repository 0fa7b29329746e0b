import { useCallback } from 'react';
import { ApiError } from '#shared/api/errors.ts';
import { isExpired } from '#shared/modules/stock/index.ts';
import { api } from '../../api/api.ts';
import { formatDate } from '../../format/time.ts';
import type { NewLine } from './cart.ts';

// What a code or a chosen product becomes at the counter: a line to add, or the reason it is not one.

export type CounterOutcome =
  | { readonly kind: 'line'; readonly line: NewLine; readonly expired: boolean; readonly warnings: readonly string[] }
  | { readonly kind: 'unknown'; readonly code: string }
  | { readonly kind: 'refused'; readonly message: string };

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'The code could not be read. Try again.';
}

export function useCounterLookup(today: string) {
  const fromCode = useCallback(
    async (code: string): Promise<CounterOutcome> => {
      try {
        const { scan, line } = await api.call('sales.scan', { code });
        if (scan.reading.kind === 'refused') return { kind: 'refused', message: scan.reading.message };
        if (line === null) return { kind: 'unknown', code };
        if (line.unitPriceMinor === null) return { kind: 'refused', message: `${line.productLabel} has no sale price at this clinic yet. Set it in the catalogue.` };
        const batchLabel = line.batchId === null ? null : `${line.lot ?? ''}${line.expiryDate === null ? '' : ` · expires ${formatDate(line.expiryDate)}`}`;
        return {
          kind: 'line',
          line: { productId: line.productId, productLabel: line.productLabel, unitPriceMinor: line.unitPriceMinor, taxRateBasisPoints: line.taxRateBasisPoints, batchId: line.batchId, batchLabel },
          expired: line.batchId !== null && isExpired(line.expiryDate, today),
          warnings: scan.warnings,
        };
      } catch (error) {
        return { kind: 'refused', message: messageOf(error) };
      }
    },
    [today],
  );

  const fromProduct = useCallback(async (productId: string): Promise<CounterOutcome> => {
    try {
      const product = await api.call('medicines.get', { productId });
      const price = product.clinicSettings?.salePriceMinor ?? null;
      const label = [product.genericName, product.strengthText, product.doseForm].filter((part) => part !== '').join(' ');
      if (price === null) return { kind: 'refused', message: `${label} has no sale price at this clinic yet. Set it in the catalogue.` };
      return { kind: 'line', line: { productId, productLabel: label, unitPriceMinor: price, taxRateBasisPoints: product.clinicSettings?.taxRateBp ?? 0, batchId: null, batchLabel: null }, expired: false, warnings: [] };
    } catch (error) {
      return { kind: 'refused', message: messageOf(error) };
    }
  }, []);

  return { fromCode, fromProduct };
}

import type { PackScan } from '#shared/modules/dispensing/dispense-views.ts';
import type { Db } from '../../db/database.ts';
import { organizationOf } from '../medicines/index.ts';
import { resolveScan } from '../stock/index.ts';
import type { CounterClinic, LineLeft } from './dispense-state.ts';

/**
 * The wrong-medicine guard: a pack in the pharmacist's hand is matched to a line of the
 * prescription by its product. A product on no line is stopped, with what the prescription asks for.
 */
export function scanPack(db: Db, clinic: CounterClinic, lines: readonly LineLeft[], code: string): PackScan {
  const scan = resolveScan(db, organizationOf(db, clinic.clinicId), clinic.clinicId, clinic.today, code);
  if (scan.product === null) return { outcome: 'unknown', message: 'This code is not a product of the catalogue. Check the pack, or choose the line by hand.' };
  const productId = scan.product.id;
  const ofProduct = lines.filter((line) => line.productId === productId);
  const line = ofProduct.find((candidate) => candidate.remaining > 0) ?? ofProduct[0];
  if (line === undefined) {
    const wanted = lines.map((candidate) => candidate.productLabel).join(', ');
    return { outcome: 'wrong-medicine', productLabel: scan.product.label, message: `${scan.product.label} is not on this prescription. It asks for ${wanted}. Put the pack back.` };
  }
  return { outcome: 'match', lineId: line.id, productLabel: line.productLabel, batchId: scan.batch?.batchId ?? null, lot: scan.batch?.lot ?? null, warnings: scan.warnings };
}

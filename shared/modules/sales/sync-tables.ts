import { ledger, register, type SyncTableDeclarations } from '../../sync/tables.ts';

/**
 * Lines and payments are a ledger: written once with their sale, never changed, so two counters
 * never conflict over them. The sale's own row is a register only so that a receipt number given
 * out provisionally offline can take its leased number (a ledger row's change would not travel);
 * nothing else of it is ever changed.
 */
export const salesSyncTables = {
  sales: register({ by: 'column', column: 'clinic_id' }),
  sale_lines: ledger({ by: 'column', column: 'clinic_id' }),
  sale_payments: ledger({ by: 'column', column: 'clinic_id' }),
} as const satisfies SyncTableDeclarations;

import { ledger, register, stateMachine, type SyncTableDeclarations } from '../../sync/tables.ts';

/** A goods receipt is open while lines are received, then posted; posting never reopens one. */
export const goodsReceiptStatusRanks = { OPEN: 0, POSTED: 1 } as const;

/**
 * Suppliers are the chain's, like the catalogue. A batch is a clinic's (its key is made from the
 * clinic, product and lot, so two workstations receiving one lot offline make one batch).
 * Movements are a ledger: never changed, only added, so two counters selling the same batch
 * offline both keep their sale, and the batch's quantity is their sum.
 */
export const stockSyncTables = {
  stock_suppliers: register({ by: 'organization', organizationColumn: 'organization_id' }, 'id', { organizationColumn: 'organization_id' }),
  stock_batches: register({ by: 'column', column: 'clinic_id' }),
  stock_goods_receipts: stateMachine({ by: 'column', column: 'clinic_id' }, 'status', goodsReceiptStatusRanks),
  stock_movements: ledger({ by: 'column', column: 'clinic_id' }),
} as const satisfies SyncTableDeclarations;

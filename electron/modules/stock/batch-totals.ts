import type Database from 'better-sqlite3';

/**
 * Each batch's quantity on hand, summed again from the ledger: after a first sync, which loads
 * the ledger with the triggers that keep the totals set aside (one upsert per movement would
 * cost most of each insert).
 */
export function rebuildBatchTotals(sqlite: Database.Database): void {
  sqlite.exec(`delete from stock_batch_totals;
    insert into stock_batch_totals (batch_id, clinic_id, product_id, on_hand)
    select batch_id, clinic_id, product_id, coalesce(sum(case when deleted_at is null then quantity else 0 end), 0)
    from stock_movements group by batch_id;`);
}

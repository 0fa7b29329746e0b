import { sql } from 'drizzle-orm';
import type { MovementKind } from '#shared/modules/stock/movements.ts';
import type { MovementView } from '#shared/modules/stock/stock-views.ts';
import type { Db } from '../../db/database.ts';

/** A batch's ledger, oldest first, with who made each movement. */
export function movementsOfBatch(db: Db, batchId: string): MovementView[] {
  return db
    .all<{ id: string; batch_id: string; kind: MovementKind; quantity: number; reason: string; document_id: string | null; user_name: string | null; device_name: string; occurred_at: string }>(
      sql`select m.id, m.batch_id, m.kind, m.quantity, m.reason, m.document_id, u.full_name as user_name, m.device_name, m.occurred_at
          from stock_movements m left join users u on u.id = m.user_id where m.batch_id = ${batchId} and m.deleted_at is null order by m.occurred_at, m.id`,
    )
    .map((row) => ({ id: row.id, batchId: row.batch_id, kind: row.kind, quantity: row.quantity, reason: row.reason, documentId: row.document_id, userName: row.user_name ?? '', deviceName: row.device_name, occurredAt: row.occurred_at }));
}

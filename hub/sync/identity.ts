import { randomUUID } from 'node:crypto';
import type { HubQueries } from '../db/hub-db.ts';

export type HubIdentityRow = { readonly hubId: string; readonly epoch: number };

/** The hub database's id and epoch, sent with every answer (SYNC.md §9). Made once. */
export async function ensureHubIdentity(db: HubQueries): Promise<HubIdentityRow> {
  await db.query(`insert into hub_meta (id, hub_id) values (1, $1) on conflict (id) do nothing`, [randomUUID()]);
  const [row] = await db.query<{ hub_id: string; epoch: number }>(`select hub_id, epoch from hub_meta where id = 1`);
  if (row === undefined) throw new Error('hub_meta missing');
  return { hubId: row.hub_id, epoch: row.epoch };
}

/** After restoring from a backup: workstations see the new epoch and send again what the hub lost. */
export async function raiseEpoch(db: HubQueries): Promise<number> {
  const [row] = await db.query<{ epoch: number }>(`update hub_meta set epoch = epoch + 1 where id = 1 returning epoch`);
  return row?.epoch ?? 0;
}

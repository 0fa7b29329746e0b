import type Database from 'better-sqlite3';
import { syncedTableNames, syncTable, type SyncedTableName } from '#shared/sync/tables.ts';
import type { ChangeStamper } from './change-stamps.ts';
import { dataColumnsOf } from './capture-triggers.ts';
import { rowsInClinic } from './clinic-rows.ts';
import { uploadOrderOf } from './upload-order.ts';

const GROUP_SIZE = 500;

/**
 * When a standalone workstation first connects, everything it holds for the clinic goes up as
 * new rows, in groups that are each one transaction. Each group's rows take the group's stamp as
 * their clocks, here and at the hub, so both start from the same clocks.
 */
export function queueInitialUpload(sqlite: Database.Database, stamper: ChangeStamper, clinicId: string): number {
  let rows = 0;
  sqlite.transaction(() => {
    for (const table of uploadOrderOf(sqlite)) {
      const key = syncTable(table).key;
      const columns = dataColumnsOf(sqlite, table);
      const select = sqlite.prepare(`select ${key} as row_key, json_object(${columns.map((column) => `'${column}', "${column}"`).join(', ')}) as data from "${table}" where ${rowsInClinic(table)} order by ${key}`);
      const found = select.all({ clinic: clinicId }) as { row_key: string; data: string }[];
      for (let start = 0; start < found.length; start += GROUP_SIZE) {
        const group = found.slice(start, start + GROUP_SIZE);
        const state = sqlite.prepare(`update sync_state set txn = txn + 1, hlc = ? where id = 1 returning txn`).get(stamper.clock.tick()) as { txn: number };
        const hlc = stamper.clock.last;
        const enqueue = sqlite.prepare(`insert into sync_outbox (txn, hlc, tbl, row_id, kind, data) values (?, ?, ?, ?, 'insert', ?)`);
        const reclock = syncTable(table).kind === 'ledger' ? null : sqlite.prepare(`update "${table}" set sync_clock = ? where "${key}" = ?`);
        for (const row of group) {
          enqueue.run(state.txn, hlc, table, row.row_key, row.data);
          reclock?.run(JSON.stringify({ '*': hlc }), row.row_key);
        }
        rows += group.length;
      }
    }
  })();
  return rows;
}

/** The tables whose rows a device writes as its own, declared with them: the device's row, the audit it records. */
function ownRowSelections(): { table: SyncedTableName; where: string }[] {
  const selections: { table: SyncedTableName; where: string }[] = [];
  for (const table of syncedTableNames()) {
    const declared = syncTable(table);
    if (declared.write.ownDeviceOnly === true) selections.push({ table, where: `"${declared.key}" = :device` });
    else if (declared.write.authorColumn !== undefined) selections.push({ table, where: `"${declared.write.authorColumn}" = :device` });
  }
  return selections;
}

/**
 * A joining workstation's own rows, written before it was connected (its device, and the audit
 * of its enrolment or of sign-ins during its first sync): they go up once its first sync is done,
 * stamped now, in one transaction of the caller.
 */
export function queueOwnRows(sqlite: Database.Database, stamper: ChangeStamper, deviceId: string): number {
  const selections = ownRowSelections();
  const state = sqlite.prepare(`update sync_state set txn = txn + 1, hlc = ? where id = 1 returning txn`).get(stamper.clock.tick()) as { txn: number };
  const hlc = stamper.clock.last;
  const enqueue = sqlite.prepare(`insert into sync_outbox (txn, hlc, tbl, row_id, kind, data) values (?, ?, ?, ?, 'insert', ?)`);
  let rows = 0;
  for (const { table, where } of selections) {
    const key = syncTable(table).key;
    const columns = dataColumnsOf(sqlite, table);
    const found = sqlite.prepare(`select ${key} as row_key, json_object(${columns.map((column) => `'${column}', "${column}"`).join(', ')}) as data from "${table}" where ${where} order by ${key}`).all({ device: deviceId }) as { row_key: string; data: string }[];
    const reclock = syncTable(table).kind === 'ledger' ? null : sqlite.prepare(`update "${table}" set sync_clock = ? where "${key}" = ?`);
    for (const row of found) {
      enqueue.run(state.txn, hlc, table, row.row_key, row.data);
      reclock?.run(JSON.stringify({ '*': hlc }), row.row_key);
    }
    rows += found.length;
  }
  return rows;
}


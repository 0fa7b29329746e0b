import { cpSync, rmSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { CLOCK_COLUMN, syncTable, type SyncedTableName } from '#shared/sync/tables.ts';
import { createCore, type Core } from '#core/core.ts';
import { manualClock } from '#core/platform/clock.ts';
import { databaseFileIn } from '#core/platform/paths.ts';
import type { HubService } from '#hub/hub-service.ts';
import type { HubTransport } from '#core/sync/transport.ts';
import { httpTransport } from '#core/sync/http-transport.ts';
import { inProcessTransport } from './in-process-transport.ts';
import { perfectNetwork, withNetworkFaults, type Network } from './network-faults.ts';
import { makeTempDir } from './temp-dir.ts';

export type Workstation = {
  readonly key: string;
  readonly dataDir: string;
  core: Core;
  readonly clock: ReturnType<typeof manualClock>;
  /** Closes and reopens the core on the same folder, as after a crash or a restart. */
  readonly restart: () => Promise<void>;
  /** Stops as a power cut would: the files left as they are on disk, nothing closed or cleaned up. */
  readonly powerCut: () => Promise<void>;
  /**
   * Reopens the core on its database as it was when image was taken (sqlite.serialize()): what a
   * crash at that moment leaves on disk, since everything committed by then was written.
   */
  readonly restartFrom: (image: Buffer) => Promise<void>;
  readonly close: () => Promise<void>;
};

/** A workstation with its own data folder and clock, linked to a hub in this process. */
export async function openWorkstation(
  key: string,
  hub: () => HubService,
  options: {
    startMs: number;
    network?: Network;
    random?: () => number;
    /** Changes what the network does beyond faults (say, the order answers come in). */
    transport?: (base: HubTransport) => HubTransport;
    /** The workstation's migrations, when a test adds tables of its own. */
    migrationsDir?: string;
    /** Talk to the hub over real HTTP at the URL the workstation was connected with, not in-process. */
    overHttp?: boolean;
  },
): Promise<Workstation> {
  const temp = makeTempDir(`clinic-ws-${key}-`);
  const clock = manualClock(options.startMs);
  const network = options.network ?? perfectNetwork;
  const linkTo = (hubUrl: string): HubTransport => (options.overHttp === true ? withNetworkFaults(httpTransport(hubUrl), key, network) : inProcessTransport(hub, key, network));
  const open = () =>
    createCore({
      dataDir: temp.path,
      clock,
      deviceName: `desk-${key}`,
      appVersion: 'test',
      hubTransport: (hubUrl) => (options.transport ?? ((base: HubTransport) => base))(linkTo(hubUrl)),
      ...(options.random === undefined ? {} : { random: options.random }),
      ...(options.migrationsDir === undefined ? {} : { migrationsDir: options.migrationsDir }),
    });
  const workstation: Workstation = {
    key,
    dataDir: temp.path,
    core: await open(),
    clock,
    restart: async () => {
      await workstation.core.close();
      workstation.core = await open();
    },
    powerCut: async () => {
      // The folder as the disk holds it this instant: database, write-ahead log and its index,
      // with no checkpoint and no cleanup. The old core is then closed only to free its handles,
      // and whatever its close wrote is thrown away.
      const image = makeTempDir(`clinic-ws-${key}-cut-`);
      cpSync(temp.path, image.path, { recursive: true });
      await workstation.core.close();
      rmSync(temp.path, { recursive: true, force: true });
      cpSync(image.path, temp.path, { recursive: true });
      image.remove();
      workstation.core = await open();
    },
    restartFrom: async (image) => {
      await workstation.core.close();
      const file = databaseFileIn(temp.path);
      for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      writeFileSync(file, image);
      workstation.core = await open();
    },
    close: async () => {
      await workstation.core.close();
      temp.remove();
    },
  };
  return workstation;
}

type Canonical = Record<string, string | number | null>;

function canonicalRows(rows: readonly Record<string, unknown>[], key: string): Map<string, Canonical> {
  const map = new Map<string, Canonical>();
  for (const row of rows) {
    const { [CLOCK_COLUMN]: _clock, ...values } = row;
    const canonical: Canonical = {};
    for (const [column, value] of Object.entries(values)) canonical[column] = typeof value === 'bigint' ? Number(value) : (value as string | number | null);
    map.set(String(row[key]), canonical);
  }
  return map;
}

/** A clinic's rows of one table on a workstation, keyed by id, without the clocks. */
export function workstationRows(sqlite: Database.Database, table: SyncedTableName, ids: readonly string[] | null): Map<string, Canonical> {
  const key = syncTable(table).key;
  const rows = (ids === null ? sqlite.prepare(`select * from "${table}"`).all() : sqlite.prepare(`select * from "${table}" where "${key}" in (select value from json_each(?))`).all(JSON.stringify(ids))) as Record<string, unknown>[];
  return canonicalRows(rows, key);
}

/** The same at the hub: the rows its clinic sees. */
export async function hubRows(hub: HubService, table: SyncedTableName, clinicId: string): Promise<Map<string, Canonical>> {
  const key = syncTable(table).key;
  const rows = await hub.db.query(`select m.* from ${table} m where m.${key} in (select row_id from hub_row_clinics where clinic_id = $1 and tbl = $2)`, [clinicId, table]);
  return canonicalRows(rows, key);
}

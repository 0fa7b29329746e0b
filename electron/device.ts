import { eq } from 'drizzle-orm';
import type { Db } from './db/database.ts';
import { devices, localMeta } from './db/schema/index.ts';
import { isoAt } from './platform/clock.ts';
import { newId } from './platform/ids.ts';

/** Mutable: a workstation that enrols again with a hub takes a new device id (see sync/enrol). */
export type DeviceIdentity = { databaseId: string; deviceId: string; deviceName: string };

function readMeta(db: Db, key: string): string | undefined {
  return db.select({ value: localMeta.value }).from(localMeta).where(eq(localMeta.key, key)).get()?.value;
}

/**
 * Gives a new database its own id and this workstation a device row, once. The database id lets
 * the sync engine notice a copied or restored file, which must enrol again as a new device.
 */
export function ensureDeviceIdentity(db: Db, defaultName: string, nowMs: number): DeviceIdentity {
  return db.transaction((tx) => {
    let databaseId = readMeta(tx, 'database_id');
    let deviceId = readMeta(tx, 'device_id');
    if (databaseId === undefined) {
      databaseId = newId();
      tx.insert(localMeta).values({ key: 'database_id', value: databaseId }).run();
    }
    if (deviceId === undefined) {
      deviceId = newId();
      tx.insert(devices).values({ id: deviceId, name: defaultName, createdAt: isoAt(nowMs) }).run();
      tx.insert(localMeta).values({ key: 'device_id', value: deviceId }).run();
    }
    const name = tx.select({ name: devices.name }).from(devices).where(eq(devices.id, deviceId)).get()?.name ?? defaultName;
    return { databaseId, deviceId, deviceName: name };
  });
}

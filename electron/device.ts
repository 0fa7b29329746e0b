import { deviceIdSchema, type DeviceId } from '#shared/domain/ids.ts';
import { eq } from 'drizzle-orm';
import type { Db } from './db/database.ts';
import { readMetaWith, writeMetaWith } from './db/local-meta.ts';
import { devices } from './db/schema/index.ts';
import { isoAt } from './platform/clock.ts';
import { newDeviceId, newId } from './platform/ids.ts';

/** Mutable: a workstation that enrols again with a hub takes a new device id (see sync/enrol). */
export type DeviceIdentity = { databaseId: string; deviceId: DeviceId; deviceName: string };

/**
 * Gives a new database its own id and this workstation a device row, once. The database id lets
 * the sync engine notice a copied or restored file, which must enrol again as a new device.
 */
export function ensureDeviceIdentity(db: Db, defaultName: string, nowMs: number): DeviceIdentity {
  return db.transaction((tx) => {
    let databaseId = readMetaWith(tx, 'database_id');
    const storedDeviceId = readMetaWith(tx, 'device_id');
    let deviceId = storedDeviceId === undefined ? undefined : deviceIdSchema.parse(storedDeviceId);
    if (databaseId === undefined) {
      databaseId = newId();
      writeMetaWith(tx, 'database_id', databaseId);
    }
    if (deviceId === undefined) {
      deviceId = newDeviceId();
      tx.insert(devices).values({ id: deviceId, name: defaultName, createdAt: isoAt(nowMs) }).run();
      writeMetaWith(tx, 'device_id', deviceId);
    }
    const name = tx.select({ name: devices.name }).from(devices).where(eq(devices.id, deviceId)).get()?.name ?? defaultName;
    return { databaseId, deviceId, deviceName: name };
  });
}

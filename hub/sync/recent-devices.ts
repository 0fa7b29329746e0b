import type { HubQueries } from '../db/hub-db.ts';
import { authenticateDevice, hashSecret, type Device } from './devices.ts';

/** What a read of the feed needs to know of a device: who it is and which clinics it sees. */
export type DeviceScope = Pick<Device, 'id' | 'clinicIds'>;

/** Enough for every workstation of a large chain; the one unseen longest is forgotten first. */
const REMEMBERED_MAX = 10_000;

function sameScope(a: DeviceScope, b: DeviceScope): boolean {
  const clinics = new Set(a.clinicIds);
  return a.id === b.id && a.clinicIds.length === b.clinicIds.length && b.clinicIds.every((clinic) => clinics.has(clinic));
}

/**
 * The devices this hub process served lately, by credential, so that a read on a device's behalf
 * can start while its credential is checked again instead of after: one round trip to the
 * database less on every pull. The check still decides every request: a revoked credential gets
 * its refusal and the read is thrown away; a device whose clinics changed is read for again.
 * Nothing here is trusted across processes or restarts; it only guesses what the check will say.
 */
export class RecentDevices {
  readonly #byCredential = new Map<string, DeviceScope>();

  constructor(private readonly max = REMEMBERED_MAX) {}

  /** Authenticates the credential and runs work for its device, started early when the device is known. */
  async run<T>(db: HubQueries, credential: string | null, work: (device: DeviceScope) => Promise<T>): Promise<{ device: Device; result: T }> {
    const key = credential === null ? null : hashSecret(credential);
    const guessed = key === null ? undefined : this.#byCredential.get(key);
    const early = guessed === undefined ? null : { scope: guessed, result: work(guessed) };
    // A refused credential leaves the early work unawaited; its failure, if any, is not the answer.
    early?.result.catch(() => undefined);
    let device: Device;
    try {
      device = await authenticateDevice(db, credential);
    } catch (error) {
      if (key !== null) this.#byCredential.delete(key);
      throw error;
    }
    if (key !== null) this.#remember(key, device);
    if (early !== null && sameScope(early.scope, device)) return { device, result: await early.result };
    return { device, result: await work({ id: device.id, clinicIds: device.clinicIds }) };
  }

  #remember(key: string, device: Device): void {
    this.#byCredential.delete(key);
    this.#byCredential.set(key, { id: device.id, clinicIds: [...device.clinicIds] });
    if (this.#byCredential.size <= this.max) return;
    const oldest = this.#byCredential.keys().next();
    if (oldest.done !== true) this.#byCredential.delete(oldest.value);
  }
}

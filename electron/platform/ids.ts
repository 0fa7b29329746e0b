import type { ClinicId, DeviceId, OrganizationId, PatientId, UserId } from '#shared/domain/ids.ts';
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

let source: () => string = () => uuidv7();

/** UUIDv7: made on the workstation, unique without the network, and ordered by time. */
export function newId(): string {
  return source();
}

// The ids whose types are branded (shared/domain/ids.ts) are made here and nowhere else.

export function newPatientId(): PatientId {
  return source() as PatientId;
}

export function newOrganizationId(): OrganizationId {
  return source() as OrganizationId;
}

export function newClinicId(): ClinicId {
  return source() as ClinicId;
}

export function newUserId(): UserId {
  return source() as UserId;
}

export function newDeviceId(): DeviceId {
  return source() as DeviceId;
}

/**
 * Replaces where ids come from, for a seeded simulation that must replay exactly; returns the
 * way back. Nothing but tests calls it.
 */
export function useIdSource(next: () => string): () => void {
  const previous = source;
  source = next;
  return () => {
    source = previous;
  };
}

/** UUIDv7 ids from a given clock and random source, so a seeded run makes the same ids. */
export function seededIdSource(nowMs: () => number, random: () => number): () => string {
  return () => uuidv7({ msecs: nowMs(), random: Uint8Array.from({ length: 16 }, () => Math.floor(random() * 256)) });
}

export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** UUIDv7: made on the workstation, unique without the network, and ordered by time. */
export function newId(): string {
  return uuidv7();
}

export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

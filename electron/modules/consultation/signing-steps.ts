import type { DeviceId, UserId } from '#shared/domain/ids.ts';
import type { Db } from '../../db/database.ts';
import type { EncounterRow } from './tables.ts';

export type EncounterSigner = { readonly userId: UserId; readonly deviceId: DeviceId; readonly nowMs: number };

/**
 * What another module signs with the encounter (a prescription), inside the signing's own
 * transaction: a step that throws refuses the whole signature, so nothing is half signed.
 */
export type SigningStep = (tx: Db, encounter: EncounterRow, signer: EncounterSigner) => void;

const steps = new Set<SigningStep>();

/** Adding the same step again changes nothing. */
export function addSigningStep(step: SigningStep): void {
  steps.add(step);
}

export function runSigningSteps(tx: Db, encounter: EncounterRow, signer: EncounterSigner): void {
  for (const step of steps) step(tx, encounter, signer);
}

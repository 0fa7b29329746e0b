import { create } from 'zustand';
import type { PickedPatient } from '../patients/index.ts';

/** The key that opens "Add walk-in" anywhere on reception; shown on the buttons that do the same. */
export const WALK_IN_SHORTCUT = 'F4';

type WalkInLauncher = {
  /** Whether the walk-in dialog is open, and for whom it opened (null: the desk picks). */
  readonly opened: { readonly patient: PickedPatient | null } | null;
  /** The patient whose record is on screen: the shortcut adds them rather than asking. */
  readonly recordPatient: PickedPatient | null;
};

/**
 * The walk-in dialog is opened from the queue's button, a record's button and a shortcut in the
 * header; one small store keeps them to a single dialog. It is the queue module's own UI state,
 * so it lives here rather than in the app's store, which names no feature.
 */
export const useWalkInLauncher = create<WalkInLauncher>(() => ({ opened: null, recordPatient: null }));

export function openWalkIn(patient: PickedPatient | null): void {
  useWalkInLauncher.setState({ opened: { patient } });
}

export function closeWalkIn(): void {
  useWalkInLauncher.setState({ opened: null });
}

/** A record page says whose record is showing while it is mounted. */
export function showingRecordOf(patient: PickedPatient | null): void {
  useWalkInLauncher.setState({ recordPatient: patient });
}

// What other modules may use of the queue module's screens.
export { WalkInModal } from './WalkInModal.tsx';
export { openWalkIn, showingRecordOf, WALK_IN_SHORTCUT } from './walk-in-launcher.ts';

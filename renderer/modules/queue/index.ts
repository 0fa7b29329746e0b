// What other modules may use of the queue module's screens.
export { WalkInModal } from './WalkInModal.tsx';

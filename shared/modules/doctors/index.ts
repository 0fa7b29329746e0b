// What other modules may use of the doctors module.
export type { Doctor } from './calls.ts';

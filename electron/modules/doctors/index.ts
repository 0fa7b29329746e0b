// What other modules and the core may use of the doctors module.
export { doctorIn } from './doctor-rows.ts';
export { doctorSlots } from './doctor-slots.ts';
export { earliestFree } from './next-free.ts';

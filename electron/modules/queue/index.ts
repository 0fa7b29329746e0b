// What other modules and the core may use of the queue module: its rules for moving an entry.
export { queueEntriesWhere, queueEntryById } from './queue-rows.ts';
export { requireEntry, stepOf, takeStep, type QueueActor } from './queue-steps.ts';

// What other modules may use of the queue module's shared part.
export { queueEntrySchema, type QueueEntry } from './calls.ts';
export { queueStatusLabels, type QueueStatus } from './queue.ts';

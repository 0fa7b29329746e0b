import { z } from 'zod';
import type { AppointmentType } from '../appointments/index.ts';

export const queuePriorities = ['RED', 'ORANGE', 'GREEN'] as const;
export const queuePrioritySchema = z.enum(queuePriorities, { error: 'Choose a priority' });
export type QueuePriority = z.infer<typeof queuePrioritySchema>;
export const queuePriorityLabels: Readonly<Record<QueuePriority, string>> = { RED: 'Red · emergency', ORANGE: 'Orange · follow-up', GREEN: 'Green · regular' };
/** Lower comes first. */
export const priorityRank: Readonly<Record<QueuePriority, number>> = { RED: 0, ORANGE: 1, GREEN: 2 };

export const queueStatuses = ['WAITING', 'CALLED', 'IN_CONSULTATION', 'DONE', 'LEFT'] as const;
export type QueueStatus = (typeof queueStatuses)[number];
export const queueStatusLabels: Readonly<Record<QueueStatus, string>> = {
  WAITING: 'Waiting',
  CALLED: 'Called',
  IN_CONSULTATION: 'In consultation',
  DONE: 'Done',
  LEFT: 'Left without being seen',
};

export const queueTransitions: Readonly<Record<QueueStatus, readonly QueueStatus[]>> = {
  WAITING: ['CALLED', 'IN_CONSULTATION', 'LEFT'],
  CALLED: ['IN_CONSULTATION', 'WAITING', 'LEFT'],
  IN_CONSULTATION: ['DONE'],
  DONE: [],
  LEFT: [],
};

export function canMoveQueueEntry(from: QueueStatus, to: QueueStatus): boolean {
  return queueTransitions[from].includes(to);
}

/** The priority an appointment brings to the queue unless the desk chooses another. */
export function priorityForAppointment(type: AppointmentType): QueuePriority {
  if (type === 'EMERGENCY') return 'RED';
  if (type === 'FOLLOW_UP') return 'ORANGE';
  return 'GREEN';
}

/** Queue order: priority first, then arrival. */
export function compareQueueOrder(a: { priority: QueuePriority; arrivedAt: string }, b: { priority: QueuePriority; arrivedAt: string }): number {
  return priorityRank[a.priority] - priorityRank[b.priority] || a.arrivedAt.localeCompare(b.arrivedAt);
}

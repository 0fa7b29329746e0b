import { z } from 'zod';

// A treatment plan and its steps only move forward, so a merge by rank (SYNC.md §6) never
// reopens what a workstation finished or cancelled while another was apart.

export const planStatuses = ['PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export type PlanStatus = (typeof planStatuses)[number];
export const planStatusLabels: Readonly<Record<PlanStatus, string>> = {
  PROPOSED: 'Proposed',
  ACCEPTED: 'Accepted',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};
/** Completed and cancelled share a rank: the later of two concurrent endings wins by clock. */
export const planStatusRanks = { PROPOSED: 0, ACCEPTED: 1, IN_PROGRESS: 2, COMPLETED: 3, CANCELLED: 3 } as const satisfies Record<PlanStatus, number>;

/** Where a plan may go from each status by a person's choice; the core also moves it as steps are booked and done. */
export const planTransitions: Readonly<Record<PlanStatus, readonly PlanStatus[]>> = {
  PROPOSED: ['ACCEPTED', 'CANCELLED'],
  ACCEPTED: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

export function canMovePlan(from: PlanStatus, to: PlanStatus): boolean {
  return planTransitions[from].includes(to);
}

/** A plan still being carried out: its steps may be changed, booked and done. */
export function isPlanOpen(status: PlanStatus): boolean {
  return status !== 'COMPLETED' && status !== 'CANCELLED';
}

export const stepStatuses = ['PLANNED', 'BOOKED', 'DONE', 'CANCELLED'] as const;
export type StepStatus = (typeof stepStatuses)[number];
export const stepStatusLabels: Readonly<Record<StepStatus, string>> = { PLANNED: 'Planned', BOOKED: 'Booked', DONE: 'Done', CANCELLED: 'Cancelled' };
export const stepStatusRanks = { PLANNED: 0, BOOKED: 1, DONE: 2, CANCELLED: 2 } as const satisfies Record<StepStatus, number>;

/** A step still to be carried out. */
export function isStepPending(status: StepStatus): boolean {
  return status === 'PLANNED' || status === 'BOOKED';
}

export const planStepSchema = z.object({
  id: z.string(),
  position: z.number(),
  code: z.string(),
  name: z.string(),
  site: z.string(),
  plannedDate: z.string().nullable(),
  status: z.enum(stepStatuses),
  /** Minor units of the clinic's currency. */
  estimatedCostMinor: z.number(),
  notes: z.string(),
  appointment: z.object({ id: z.string(), reference: z.string(), startAt: z.string(), status: z.string() }).nullable(),
  doneEncounterId: z.string().nullable(),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const treatmentPlanSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  title: z.string(),
  notes: z.string(),
  status: z.enum(planStatuses),
  doctor: z.object({ userId: z.string(), fullName: z.string() }),
  createdAt: z.string(),
  steps: z.array(planStepSchema),
  /** The estimated cost of every step not cancelled, in minor units. */
  totalMinor: z.number(),
  /** Of the steps not cancelled, how many are done. */
  progress: z.object({ done: z.number(), of: z.number() }),
});
export type TreatmentPlan = z.infer<typeof treatmentPlanSchema>;

/** The plan's total and progress from its steps: cancelled steps count for neither. */
export function planTotals(steps: readonly { status: StepStatus; estimatedCostMinor: number }[]): { totalMinor: number; progress: { done: number; of: number } } {
  const counted = steps.filter((step) => step.status !== 'CANCELLED');
  return {
    totalMinor: counted.reduce((sum, step) => sum + step.estimatedCostMinor, 0),
    progress: { done: counted.filter((step) => step.status === 'DONE').length, of: counted.length },
  };
}

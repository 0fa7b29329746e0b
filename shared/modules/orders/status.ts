export const orderStatuses = ['ORDERED', 'COLLECTED', 'RESULTED', 'CANCELLED'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderStatusLabels: Readonly<Record<OrderStatus, string>> = { ORDERED: 'Ordered', COLLECTED: 'Collected / performed', RESULTED: 'Resulted', CANCELLED: 'Cancelled' };

/**
 * An order moves forward only. A result can come straight after the order (a test done at the
 * bedside) and can be corrected (RESULTED again); a cancelled order takes nothing more.
 */
const allowedSteps: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  ORDERED: ['COLLECTED', 'RESULTED', 'CANCELLED'],
  COLLECTED: ['RESULTED', 'CANCELLED'],
  RESULTED: ['RESULTED'],
  CANCELLED: [],
};

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return allowedSteps[from].includes(to);
}

/**
 * The merge precedence (SYNC.md §6): every allowed step keeps or raises the rank, so replicas
 * converge whatever order the steps arrive in. RESULTED ranks above CANCELLED: when one
 * workstation cancels while another, apart, enters the result, the result stands, because a
 * result that exists must not be hidden from the chart by a cancel that did not know of it.
 */
export const orderStatusRanks = { ORDERED: 0, COLLECTED: 1, CANCELLED: 2, RESULTED: 3 } as const satisfies Record<OrderStatus, number>;

/** Why a step is refused, in words for the person who tried it. */
export function refusedStepMessage(from: OrderStatus, to: OrderStatus): string {
  if (from === 'CANCELLED') return 'This order is cancelled.';
  if (to === 'CANCELLED') return 'A resulted order cannot be cancelled.';
  if (to === 'COLLECTED') return 'This order is past collection already.';
  return `An order cannot go from ${orderStatusLabels[from].toLowerCase()} to ${orderStatusLabels[to].toLowerCase()}.`;
}

export const urgencies = ['ROUTINE', 'URGENT', 'STAT'] as const;
export type Urgency = (typeof urgencies)[number];
export const urgencyLabels: Readonly<Record<Urgency, string>> = { ROUTINE: 'Routine', URGENT: 'Urgent', STAT: 'Immediately (STAT)' };

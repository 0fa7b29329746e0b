import './token-slip.css';
import type { QueuePriority } from '#shared/modules/queue/queue.ts';
import { queuePriorityLabels } from '#shared/modules/queue/queue.ts';
import { formatDateTime } from '../../format/time.ts';

const SLIP_ID = 'token-slip';

/**
 * What a waiting patient holds: the token they will be called by, their priority and when they
 * arrived. Never their name or record number: the slip is left on chairs and shown around.
 */
export type TokenSlip = { readonly clinicName: string; readonly token: string; readonly priority: QueuePriority; readonly arrivedAt: string; readonly timeZone: string };

function line(className: string, text: string): HTMLDivElement {
  const element = document.createElement('div');
  element.className = className;
  element.textContent = text;
  return element;
}

/** Lays the slip out in a print-only element (token-slip.css) and asks the browser to print it. */
export function printTokenSlip(slip: TokenSlip): void {
  document.getElementById(SLIP_ID)?.remove();
  const element = document.createElement('section');
  element.id = SLIP_ID;
  element.setAttribute('aria-label', `Token slip ${slip.token}`);
  element.append(
    line('slip-clinic', slip.clinicName),
    line('slip-token', slip.token),
    line('slip-priority', `Priority: ${queuePriorityLabels[slip.priority]}`),
    line('slip-time', `Arrived ${formatDateTime(slip.arrivedAt, slip.timeZone)}`),
    line('slip-note', 'Please wait until your token is called.'),
  );
  document.body.append(element);
  // The slip stays until printing is over, whenever the print dialog lets go of the page.
  window.addEventListener('afterprint', () => element.remove(), { once: true });
  window.print();
}

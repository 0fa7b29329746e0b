import { createHash } from 'node:crypto';

/**
 * The id of an order's result item, the same on every workstation: a UUID (version 8, "custom")
 * from a hash of the order and the item. Two workstations typing the same item while apart then
 * write one row, merged per column, instead of two rows of which the chart would show either.
 */
export function resultItemId(orderId: string, componentCode: string): string {
  const hex = createHash('sha256').update(`diagnostic-result\u0000${orderId}\u0000${componentCode}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// The counter's keys, shown on screen as they work. F1, F5, F11 and F12 stay the browser's and
// the system's; F3 is taken back from the browser's find while the counter is open.

export type CounterCommand = 'quantity' | 'batch' | 'lineDiscount' | 'saleDiscount' | 'pay' | 'park' | 'newSale' | 'remove';

export const counterKeys: readonly { readonly key: string; readonly shift: boolean; readonly label: string; readonly command: CounterCommand }[] = [
  { key: 'F2', shift: false, label: 'Quantity', command: 'quantity' },
  { key: 'F3', shift: false, label: 'Batch', command: 'batch' },
  { key: 'F4', shift: false, label: 'Line discount', command: 'lineDiscount' },
  { key: 'F4', shift: true, label: 'Sale discount', command: 'saleDiscount' },
  { key: 'F8', shift: false, label: 'Payment', command: 'pay' },
  { key: 'F9', shift: false, label: 'Park', command: 'park' },
  { key: 'F10', shift: false, label: 'New sale', command: 'newSale' },
  { key: 'Delete', shift: false, label: 'Remove line', command: 'remove' },
];

export function commandOf(event: { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }): CounterCommand | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  return counterKeys.find((entry) => entry.key === event.key && entry.shift === event.shiftKey)?.command ?? null;
}

export function keyName(entry: { key: string; shift: boolean }): string {
  return entry.shift ? `Shift+${entry.key}` : entry.key;
}

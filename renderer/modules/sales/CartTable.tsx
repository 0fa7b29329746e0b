import { Table, Text } from '@mantine/core';
import type { LineTotals } from '#shared/money/sale-totals.ts';
import { useCall } from '../../api/use-call.ts';
import { formatDate } from '../../format/time.ts';
import type { CartLine } from './cart.ts';
import type { ClinicMoney } from './money.ts';

/** Where a line's packs come from: the pack in hand's batch, or first expiry first as the core will pick. */
function BatchCell({ line }: { line: CartLine }) {
  const picked = useCall('stock.pick', { productId: line.productId, quantity: line.quantity, chosenBatchId: line.batchId, expiredOverrideReason: line.expiredOverrideReason });
  if (picked.status === 'failed') return <Text size="sm" c="red.8">{picked.error.message}</Text>;
  if (picked.status !== 'done') return <Text size="sm">{line.batchLabel ?? '…'}</Text>;
  const { picks, shortBy } = picked.result;
  const lots = picks.map((pick) => `${pick.lot}${pick.expiryDate === null ? '' : ` (exp. ${formatDate(pick.expiryDate)})`}${picks.length > 1 ? ` × ${String(pick.quantity)}` : ''}`).join(', ');
  return (
    <>
      <Text size="sm">{lots === '' ? 'None on hand' : lots}</Text>
      {line.batchId === null && picks.length > 0 && <Text size="xs" c="dimmed">First expiry first</Text>}
      {line.expiredOverrideReason !== null && <Text size="xs" c="orange.9">Expired, override: {line.expiredOverrideReason}</Text>}
      {shortBy > 0 && <Text size="xs" c="red.8">{String(shortBy)} more than on hand</Text>}
    </>
  );
}

type CartTableProps = {
  readonly lines: readonly CartLine[];
  readonly totals: readonly LineTotals[];
  readonly selectedKey: string | null;
  readonly onSelect: (key: string) => void;
  readonly money: ClinicMoney;
};

export function CartTable({ lines, totals, selectedKey, onSelect, money }: CartTableProps) {
  return (
    <Table withTableBorder highlightOnHover aria-label="Cart" aria-describedby="pos-cart-keys">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Product</Table.Th>
          <Table.Th>Batch</Table.Th>
          <Table.Th ta="right">Qty</Table.Th>
          <Table.Th ta="right">Price</Table.Th>
          <Table.Th ta="right">Discount</Table.Th>
          <Table.Th ta="right">Tax</Table.Th>
          <Table.Th ta="right">Amount</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={7}>
              <Text c="dimmed" size="sm">
                Scan a pack, or type a product’s name or a code above.
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
        {lines.map((line, index) => {
          const lineTotals = totals[index];
          const selected = line.key === selectedKey;
          return (
            <Table.Tr key={line.key} aria-selected={selected} onClick={() => onSelect(line.key)} bg={selected ? 'var(--mantine-color-blue-light)' : undefined} style={{ cursor: 'pointer' }}>
              <Table.Td>
                <Text size="sm" fw={selected ? 700 : 400}>
                  {selected ? '▸ ' : ''}
                  {line.productLabel}
                </Text>
              </Table.Td>
              <Table.Td>
                <BatchCell line={line} />
              </Table.Td>
              <Table.Td ta="right">{line.quantity}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money.plain(line.unitPriceMinor)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{lineTotals === undefined || lineTotals.lineDiscountMinor + lineTotals.saleDiscountMinor === 0 ? '—' : `−${money.plain(lineTotals.lineDiscountMinor + lineTotals.saleDiscountMinor)}`}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{line.taxRateBasisPoints === 0 ? '—' : `${String(line.taxRateBasisPoints / 100)} % · ${money.plain(lineTotals?.taxMinor ?? 0)}`}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} fw={600}>{money.plain(lineTotals?.totalMinor ?? 0)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { formatDateTime } from '../../format/time.ts';
import { cartTotals } from './cart.ts';
import type { ParkedCart } from './cart-store.ts';
import type { ClinicMoney } from './money.ts';

type ParkedSalesProps = {
  readonly parked: readonly ParkedCart[];
  readonly timeZone: string;
  readonly money: ClinicMoney;
  readonly onResume: (id: string) => void;
};

/** The carts set aside at this counter, oldest first; resuming one parks the cart in hand. */
export function ParkedSales({ parked, timeZone, money, onResume }: ParkedSalesProps) {
  return (
    <Stack gap={4}>
      <Title order={2} size="h5">
        Parked sales
      </Title>
      {parked.length === 0 ? (
        <Text size="sm" c="dimmed">
          None. F9 parks the cart in hand.
        </Text>
      ) : (
        <Table aria-label="Parked sales" withTableBorder>
          <Table.Tbody>
            {parked.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.parkedAt, timeZone)}</Table.Td>
                <Table.Td>
                  {entry.cart.lines.length} {entry.cart.lines.length === 1 ? 'line' : 'lines'} · {money.format(cartTotals(entry.cart).totalMinor)}
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {entry.cart.lines.map((line) => line.productLabel).join(', ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="light" onClick={() => onResume(entry.id)} aria-label={`Resume the sale parked at ${formatDateTime(entry.parkedAt, timeZone)}`}>
                    Resume
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

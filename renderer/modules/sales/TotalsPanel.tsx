import { Group, Paper, Stack, Text } from '@mantine/core';
import type { SaleTotals } from '#shared/money/sale-totals.ts';
import type { ClinicMoney } from './money.ts';

function Row({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size={strong ? 'xl' : 'sm'} fw={strong ? 700 : 400}>
        {label}
      </Text>
      <Text size={strong ? 'xl' : 'sm'} fw={strong ? 700 : 400} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Group>
  );
}

/** What the customer pays, from the same rules the receipt prints by. */
export function TotalsPanel({ totals, money, saleDiscountText }: { totals: SaleTotals; money: ClinicMoney; saleDiscountText: string | null }) {
  return (
    <Paper withBorder p="sm" aria-label="Totals" role="region">
      <Stack gap={2}>
        <Row label="Subtotal" value={money.format(totals.grossMinor)} />
        <Row label={saleDiscountText === null ? 'Discounts' : `Discounts (sale ${saleDiscountText})`} value={totals.discountMinor === 0 ? '—' : `−${money.format(totals.discountMinor)}`} />
        <Row label="Tax included" value={money.format(totals.taxMinor)} />
        <Row label="Total" value={money.format(totals.totalMinor)} strong />
      </Stack>
    </Paper>
  );
}

import { Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { ExpiryAlert } from '#shared/modules/stock/stock-views.ts';
import { useCall } from '../../api/use-call.ts';
import { formatDate } from '../../format/time.ts';
import { downloadText, toCsv } from './csv.ts';

function ExpiryTable({ caption, batches }: { caption: string; batches: readonly ExpiryAlert[] }) {
  return (
    <Table striped withTableBorder aria-label={caption}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Product</Table.Th>
          <Table.Th>Lot</Table.Th>
          <Table.Th>Expiry</Table.Th>
          <Table.Th>Days</Table.Th>
          <Table.Th>On hand</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {batches.map((batch) => (
          <Table.Tr key={batch.batchId}>
            <Table.Td>{batch.productLabel}</Table.Td>
            <Table.Td>{batch.lot}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{batch.expiryDate === null ? '—' : formatDate(batch.expiryDate)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{batch.daysLeft < 0 ? `${String(-batch.daysLeft)} ago` : String(batch.daysLeft)}</Table.Td>
            <Table.Td>{batch.onHand}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Reorder list, batches expiring within 30, 60 and 90 days, and expired stock still on the shelf. */
export function AlertsPanel() {
  const alerts = useCall('stock.alerts', {});
  if (alerts.status !== 'done') return alerts.status === 'failed' ? <Text c="red.8">{alerts.error.message}</Text> : <Loader size="sm" />;
  const { reorder, expiring, expired, today } = alerts.result;
  const exportReorder = () =>
    downloadText(`reorder-${today}.csv`, toCsv(['Product', 'On hand', 'Reorder level', 'To order'], reorder.map((line) => [line.productLabel, line.onHand, line.reorderLevel, Math.max(0, line.reorderLevel * 2 - line.onHand)])));
  const windows = [30, 60, 90].map((days, index, all) => ({ days, batches: expiring.filter((batch) => batch.daysLeft <= days && (index === 0 || batch.daysLeft > (all[index - 1] ?? 0))) }));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          Below reorder level ({reorder.length})
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={exportReorder} disabled={reorder.length === 0}>
            Export reorder list (CSV)
          </Button>
          <Button size="xs" variant="default" onClick={() => window.print()}>
            Print
          </Button>
        </Group>
      </Group>
      {reorder.length === 0 ? (
        <Text>No product is below its reorder level.</Text>
      ) : (
        <Table striped withTableBorder aria-label="Reorder list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Product</Table.Th>
              <Table.Th>On hand</Table.Th>
              <Table.Th>Reorder level</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reorder.map((line) => (
              <Table.Tr key={line.productId}>
                <Table.Td>{line.productLabel}</Table.Td>
                <Table.Td>{line.onHand}</Table.Td>
                <Table.Td>{line.reorderLevel}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={2} size="h4">
        Expired and still on hand ({expired.length})
      </Title>
      {expired.length === 0 ? <Text>No expired stock on the shelf.</Text> : <ExpiryTable caption="Expired stock on hand" batches={expired} />}
      {windows.map((window) => (
        <Stack key={window.days} gap="xs">
          <Title order={2} size="h4">
            Expiring within {window.days} days ({window.batches.length})
          </Title>
          {window.batches.length === 0 ? <Text>None.</Text> : <ExpiryTable caption={`Expiring within ${String(window.days)} days`} batches={window.batches} />}
        </Stack>
      ))}
    </Stack>
  );
}

import { Button, Group, Table, Text } from '@mantine/core';
import { isAbnormal, orderStatusLabels, urgencyLabels, type Order } from '#shared/modules/orders/index.ts';
import { flagWords } from './flag-words.ts';

type Actions = {
  readonly canCancel: boolean;
  readonly onCollected: (order: Order) => void;
  readonly onResults: (order: Order) => void;
  readonly onCancel: (order: Order) => void;
};

/** What came back, shortly: each item's value and unit, an abnormal one flagged in words and colour. */
function ResultSummary({ order }: { order: Order }) {
  if (order.results.length === 0) return null;
  return (
    <Text size="sm" component="div">
      {order.results.map((result, index) => (
        <Text key={result.id} span size="sm" c={isAbnormal(result.flag) ? 'red.8' : undefined} fw={isAbnormal(result.flag) ? 700 : undefined}>
          {index > 0 ? '; ' : ''}
          {order.results.length > 1 || order.kind === 'IMAGING' ? `${result.componentName} ` : ''}
          {result.value}
          {result.unit === '' ? '' : ` ${result.unit}`}
          {isAbnormal(result.flag) && <span style={{ whiteSpace: 'nowrap' }}> {flagWords(result.flag)}</span>}
        </Text>
      ))}
    </Text>
  );
}

/** The encounter's orders, with the next step each can take. */
export function OrderList({ orders, canCancel, onCollected, onResults, onCancel }: { orders: readonly Order[] } & Actions) {
  if (orders.length === 0) return <Text size="sm">No tests ordered at this visit.</Text>;
  return (
    <Table aria-label="Orders of this visit" withTableBorder verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Test</Table.Th>
          <Table.Th>Urgency</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Result</Table.Th>
          <Table.Th>
            <span className="visually-hidden">Actions</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {orders.map((order) => (
          <Table.Tr key={order.id}>
            <Table.Td>
              {order.testName}
              {order.clinicalNote === '' ? null : (
                <Text size="xs" c="dimmed">
                  {order.clinicalNote}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{urgencyLabels[order.urgency]}</Table.Td>
            <Table.Td>{orderStatusLabels[order.status]}</Table.Td>
            <Table.Td>
              <ResultSummary order={order} />
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap" justify="flex-end">
                {order.status === 'ORDERED' && (
                  <Button size="compact-sm" variant="default" onClick={() => onCollected(order)} aria-label={`${order.kind === 'LAB' ? 'Specimen taken' : 'Done'} (${order.testName})`}>
                    {order.kind === 'LAB' ? 'Specimen taken' : 'Done'}
                  </Button>
                )}
                {order.status !== 'CANCELLED' && (
                  <Button size="compact-sm" variant="default" onClick={() => onResults(order)} aria-label={`Results… (${order.testName})`}>
                    Results…
                  </Button>
                )}
                {canCancel && (order.status === 'ORDERED' || order.status === 'COLLECTED') && (
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => onCancel(order)} aria-label={`Cancel (${order.testName})`}>
                    Cancel
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

import { Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Order } from '#shared/modules/orders/index.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { messageOf } from '../../forms/schema-form.ts';
import { useHasRole } from '../../state/clinic-hooks.ts';
import type { EncounterPanelProps } from '../define.ts';
import { OrderForm } from './OrderForm.tsx';
import { OrderList } from './OrderList.tsx';
import { ResultsModal } from './ResultsModal.tsx';

/** The encounter's lab and imaging orders: order by typing, mark specimens taken, type results in. */
export function OrdersPanel({ encounterId, encounterStatus }: EncounterPanelProps) {
  const isDoctor = useHasRole('DOCTOR');
  const orders = useCall('orders.ofEncounter', { encounterId });
  const catalogue = useCall('orders.catalogue', {});
  const [entering, setEntering] = useState<Order | null>(null);

  const step = async (work: () => Promise<unknown>, done: string): Promise<void> => {
    try {
      await work();
      notifications.show({ color: 'teal', message: done });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not saved', message: messageOf(error) });
    }
    orders.reload();
  };

  const tests = catalogue.status === 'done' ? catalogue.result.tests : [];
  const testOf = (order: Order) => tests.find((test) => test.code === order.testCode);
  const enteringTest = entering === null ? undefined : testOf(entering);

  return (
    <Paper withBorder p="xs" component="section" aria-label="Lab and imaging orders">
      <Title order={2} size="h4" mb={4}>
        Lab and imaging orders
      </Title>
      <Stack gap="xs">
        {orders.status === 'failed' && <Text size="sm">The orders could not be read: {orders.error.message}</Text>}
        {orders.status === 'loading' && <Loader size="sm" aria-label="Loading the orders" />}
        {orders.status === 'done' && (
          <OrderList
            orders={orders.result.orders}
            canCancel={isDoctor}
            onCollected={(order) => void step(() => api.call('orders.markCollected', { orderId: order.id }), `${order.testName}: ${order.kind === 'LAB' ? 'specimen taken' : 'study done'}.`)}
            onResults={setEntering}
            onCancel={(order) => void step(() => api.call('orders.cancel', { orderId: order.id, reason: '' }), `${order.testName} cancelled.`)}
          />
        )}
        {isDoctor && encounterStatus !== 'COMPLETED' && tests.length > 0 && <OrderForm encounterId={encounterId} tests={tests} onOrdered={orders.reload} />}
      </Stack>
      {entering !== null && enteringTest !== undefined && orders.status === 'done' && (
        <ResultsModal
          order={entering}
          test={enteringTest}
          patientSex={orders.result.patientSex}
          onClose={() => setEntering(null)}
          onSaved={() => {
            setEntering(null);
            notifications.show({ color: 'teal', message: `Results of ${entering.testName} saved.` });
            orders.reload();
          }}
        />
      )}
    </Paper>
  );
}

import { Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { orderStatusLabels, urgencyLabels, type OpenOrder } from '#shared/modules/orders/index.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { patientName } from '../../format/people.ts';
import { formatDateTime } from '../../format/time.ts';
import { messageOf } from '../../forms/schema-form.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';
import { ResultsModal } from './ResultsModal.tsx';

/** The clinic's orders waiting for a specimen or a result: where the nurse or the front desk types results in. */
export function LabOrdersTab() {
  const timeZone = useClinicZone();
  const open = useCall('orders.worklist', {});
  const catalogue = useCall('orders.catalogue', {});
  const [entering, setEntering] = useState<OpenOrder | null>(null);
  const tests = catalogue.status === 'done' ? catalogue.result.tests : [];
  const enteringTest = entering === null ? undefined : tests.find((test) => test.code === entering.order.testCode);

  const collected = async (waiting: OpenOrder): Promise<void> => {
    try {
      await api.call('orders.markCollected', { orderId: waiting.order.id });
      notifications.show({ color: 'teal', message: `${waiting.order.testName} of ${patientName(waiting.patient)}: ${waiting.order.kind === 'LAB' ? 'specimen taken' : 'study done'}.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not saved', message: messageOf(error) });
    }
    open.reload();
  };

  if (open.status === 'failed') return <Text size="sm">The orders could not be read: {open.error.message}</Text>;
  if (open.status !== 'done') return <Loader size="sm" aria-label="Loading the orders" />;
  const orders = open.result.orders;
  return (
    <Stack gap="xs">
      {orders.length === 0 ? (
        <Text size="sm">No order is waiting for a specimen or a result.</Text>
      ) : (
        <Table aria-label="Orders waiting" withTableBorder verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Patient</Table.Th>
              <Table.Th>Test</Table.Th>
              <Table.Th>Urgency</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Ordered</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {orders.map((waiting) => (
              <Table.Tr key={waiting.order.id}>
                <Table.Td>
                  {patientName(waiting.patient)}
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {waiting.patient.mrn}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {waiting.order.testName}
                  {waiting.order.clinicalNote === '' ? null : (
                    <Text size="xs" c="dimmed">
                      {waiting.order.clinicalNote}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td fw={waiting.order.urgency === 'ROUTINE' ? undefined : 700}>{urgencyLabels[waiting.order.urgency]}</Table.Td>
                <Table.Td>{orderStatusLabels[waiting.order.status]}</Table.Td>
                <Table.Td>
                  {formatDateTime(waiting.order.orderedAt, timeZone)}
                  <Text size="xs" c="dimmed">
                    {waiting.order.orderedByName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    {waiting.order.status === 'ORDERED' && (
                      <Button size="compact-sm" variant="default" onClick={() => void collected(waiting)} aria-label={`${waiting.order.kind === 'LAB' ? 'Specimen taken' : 'Done'} (${waiting.order.testName}, ${patientName(waiting.patient)})`}>
                        {waiting.order.kind === 'LAB' ? 'Specimen taken' : 'Done'}
                      </Button>
                    )}
                    <Button size="compact-sm" variant="default" onClick={() => setEntering(waiting)} aria-label={`Results… (${waiting.order.testName}, ${patientName(waiting.patient)})`}>
                      Results…
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {entering !== null && enteringTest !== undefined && (
        <ResultsModal
          order={entering.order}
          test={enteringTest}
          patientSex={entering.patient.sex}
          onClose={() => setEntering(null)}
          onSaved={() => {
            setEntering(null);
            notifications.show({ color: 'teal', message: `Results of ${entering.order.testName} saved.` });
            open.reload();
          }}
        />
      )}
    </Stack>
  );
}

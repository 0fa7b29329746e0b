import { ActionIcon, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { messageOf } from '../../forms/schema-form.ts';
import type { EncounterPanelProps } from '../define.ts';
import { RecordProcedureModal } from './RecordProcedureModal.tsx';
import { TreatmentPlans } from './TreatmentPlans.tsx';
import { useMoney } from './use-money.ts';

/**
 * The encounter's procedures and the patient's treatment plans. Procedures are recorded while the
 * note is open; signing marks the plan steps they carry out as done, completing bills them.
 */
export function ProceduresPanel({ encounterId, patientId, encounterStatus }: EncounterPanelProps) {
  const money = useMoney();
  const performed = useCall('procedures.ofEncounter', { encounterId });
  const plans = useCall('procedures.plansOfPatient', { patientId });
  const [recording, setRecording] = useState(false);
  const open = encounterStatus === 'OPEN';
  const procedures = performed.status === 'done' ? performed.result.procedures : [];
  const remove = async (procedureId: string): Promise<void> => {
    try {
      await api.call('procedures.remove', { encounterId, procedureId });
      performed.reload();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not removed', message: messageOf(error) });
    }
  };
  return (
    <Paper withBorder p="xs">
      <Stack gap="sm">
        <Stack gap="xs" component="section" aria-label="Procedures">
          <Group justify="space-between">
            <Title order={2} size="h4">
              Procedures
            </Title>
            {open && (
              <Button size="xs" variant="light" onClick={() => setRecording(true)}>
                Record procedure…
              </Button>
            )}
          </Group>
          {performed.status === 'failed' && <Text size="sm">{performed.error.message}</Text>}
          {performed.status === 'loading' && <Loader size="sm" aria-label="Loading the procedures" />}
          {performed.status === 'done' && procedures.length === 0 && (
            <Text size="sm" c="dimmed">
              No procedures recorded in this visit.
            </Text>
          )}
          {procedures.length > 0 && (
            <Table aria-label="Procedures of this visit" withTableBorder verticalSpacing={4} horizontalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Procedure</Table.Th>
                  <Table.Th>Tooth or site</Table.Th>
                  <Table.Th>Quantity</Table.Th>
                  <Table.Th ta="right">Price</Table.Th>
                  {open && <Table.Th>Remove</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {procedures.map((procedure) => (
                  <Table.Tr key={procedure.id}>
                    <Table.Td>
                      <Text size="sm">{procedure.name}</Text>
                      <Text size="xs" c="dimmed">
                        {procedure.code}
                        {procedure.planStepId === null ? '' : ' · a plan step'}
                        {procedure.notes === '' ? '' : ` · ${procedure.notes}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>{procedure.site === '' ? '—' : procedure.site}</Table.Td>
                    <Table.Td>{procedure.quantity}</Table.Td>
                    <Table.Td ta="right">{money.show(procedure.unitPriceMinor * procedure.quantity)}</Table.Td>
                    {open && (
                      <Table.Td>
                        <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Remove ${procedure.name}`} onClick={() => void remove(procedure.id)}>
                          ✕
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
        {plans.status === 'done' && <TreatmentPlans patientId={patientId} plans={plans.result.plans} reload={plans.reload} headingOrder={2} permissions={{ canWrite: true, canBook: true }} />}
        {plans.status === 'failed' && <Text size="sm">{plans.error.message}</Text>}
      </Stack>
      {recording && (
        <RecordProcedureModal
          encounterId={encounterId}
          plans={plans.status === 'done' ? plans.result.plans : []}
          onClose={() => setRecording(false)}
          onSaved={() => {
            setRecording(false);
            performed.reload();
          }}
        />
      )}
    </Paper>
  );
}

import { Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { lineInWords } from '#shared/modules/prescriptions/index.ts';
import { useCall } from '../../api/use-call.ts';
import { formatDate, localDateIn } from '../../format/time.ts';
import { useClinicZone, useHasRole } from '../../state/clinic-hooks.ts';

/** The patient's signed prescriptions over time, newest first; for those who may read them. */
function History({ patientId }: { patientId: string }) {
  const timeZone = useClinicZone();
  const history = useCall('prescriptions.ofPatient', { patientId });
  if (history.status === 'failed') return <Text size="sm">{history.error.message}</Text>;
  if (history.status !== 'done') return <Loader size="sm" aria-label="Loading the prescriptions" />;
  const { prescriptions } = history.result;
  if (prescriptions.length === 0) return <Text size="sm">No signed prescription yet.</Text>;
  return (
    <Table aria-label="Prescriptions over time" withTableBorder verticalSpacing={4} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={120}>Date</Table.Th>
          <Table.Th w={150}>Reference</Table.Th>
          <Table.Th>Medicines</Table.Th>
          <Table.Th w="20%">Doctor</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {prescriptions.map((prescription) => (
          <Table.Tr key={prescription.id}>
            <Table.Td>{prescription.signedAt === null ? '—' : formatDate(localDateIn(prescription.signedAt, timeZone))}</Table.Td>
            <Table.Td>{prescription.reference}</Table.Td>
            <Table.Td>
              {prescription.lines.map((line) => (
                <Text key={line.id} size="sm">
                  <strong>{line.productLabel}</strong> {lineInWords(line)}
                </Text>
              ))}
            </Table.Td>
            <Table.Td>{prescription.doctorName}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The chart's section of prescriptions: doctors and pharmacists read them; the front desk does not. */
export function PrescriptionHistory({ patientId }: { patientId: string }) {
  const mayRead = useHasRole('DOCTOR', 'PHARMACIST');
  if (!mayRead) return null;
  return (
    <Paper withBorder p="xs" component="section" aria-label="Prescriptions over time">
      <Stack gap="xs">
        <Title order={3} size="h5">
          Prescriptions
        </Title>
        <History patientId={patientId} />
      </Stack>
    </Paper>
  );
}

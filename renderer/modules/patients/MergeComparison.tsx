import { Table, Text } from '@mantine/core';
import type { PatientRecord } from '#shared/modules/patients/calls.ts';
import { personDifferences } from '#shared/modules/patients/merge-comparison.ts';
import { sexLabels } from '#shared/modules/patients/patient.ts';
import { ageLabel, patientName } from '../../format/people.ts';
import { formatDate } from '../../format/time.ts';
import { useClinicToday } from '../../state/clinic-hooks.ts';

type Compared = Pick<PatientRecord, 'givenName' | 'familyName' | 'sex' | 'birthDate' | 'birthDateEstimated' | 'phone' | 'mrn' | 'nationalId' | 'address' | 'postalCode'>;

function birthLabel(record: Compared, today: string): string {
  if (record.birthDate === null) return 'not known';
  if (record.birthDateEstimated) return `${ageLabel(record.birthDate, true, today)} (estimated)`;
  return formatDate(record.birthDate);
}

function sameText(first: string, second: string): boolean {
  return first.trim().toLowerCase() === second.trim().toLowerCase();
}

/** The two records of a merge side by side, each row that differs marked in colour and in words. */
export function MergeComparison({ first, second, firstLabel, secondLabel }: { first: Compared; second: Compared; firstLabel: string; secondLabel: string }) {
  const today = useClinicToday();
  const person = personDifferences(first, second);
  const address = (record: Compared): string => [record.address, record.postalCode].filter((part) => part !== '').join(', ');
  const rows: { label: string; values: [string, string]; differs: boolean }[] = [
    { label: 'Name', values: [patientName(first), patientName(second)], differs: person.name },
    { label: 'Sex', values: [sexLabels[first.sex], sexLabels[second.sex]], differs: person.sex },
    { label: 'Date of birth', values: [birthLabel(first, today), birthLabel(second, today)], differs: first.birthDate !== second.birthDate },
    { label: 'Phone', values: [first.phone, second.phone], differs: !sameText(first.phone, second.phone) },
    { label: 'Record number', values: [first.mrn, second.mrn], differs: first.mrn !== second.mrn },
    { label: 'National id', values: [first.nationalId, second.nationalId], differs: !sameText(first.nationalId, second.nationalId) },
    { label: 'Address', values: [address(first), address(second)], differs: !sameText(address(first), address(second)) },
  ];
  return (
    <Table aria-label="The two records side by side" withTableBorder layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="22%">Detail</Table.Th>
          <Table.Th>{firstLabel}</Table.Th>
          <Table.Th>{secondLabel}</Table.Th>
          <Table.Th w="14%">Compared</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.label} data-differs={row.differs ? 'true' : 'false'} bg={row.differs ? 'yellow.1' : undefined}>
            <Table.Th scope="row">{row.label}</Table.Th>
            {row.values.map((value, index) => (
              <Table.Td key={index} style={{ overflowWrap: 'anywhere' }}>
                {value === '' ? '—' : value}
              </Table.Td>
            ))}
            <Table.Td>
              <Text size="sm" fw={row.differs ? 700 : 400}>
                {row.differs ? 'Differs' : 'Same'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

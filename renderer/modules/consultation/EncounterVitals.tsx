import { Table, Text } from '@mantine/core';
import type { VitalReading } from '#shared/modules/consultation/calls.ts';
import { vitalDefinitions } from '#shared/modules/consultation/vitals.ts';
import { formatTime } from '../../format/time.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';

/** The readings of this visit, newest first, an abnormal one flagged in words and colour. */
export function EncounterVitals({ readings }: { readings: readonly VitalReading[] }) {
  const timeZone = useClinicZone();
  if (readings.length === 0) return <Text size="sm">No vitals taken at this visit yet.</Text>;
  return (
    <Table aria-label="Vitals of this visit" withTableBorder verticalSpacing={2} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Vital</Table.Th>
          <Table.Th>Value</Table.Th>
          <Table.Th>Normal</Table.Th>
          <Table.Th>Taken</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...readings].reverse().map((reading) => {
          const { label, normal } = vitalDefinitions[reading.kind];
          return (
            <Table.Tr key={reading.id}>
              <Table.Td>{label}</Table.Td>
              <Table.Td c={reading.flag === null ? undefined : 'red.8'} fw={reading.flag === null ? undefined : 700}>
                {reading.value} {reading.unit}
                {reading.flag === 'HIGH' ? ' ↑ high' : reading.flag === 'LOW' ? ' ↓ low' : ''}
              </Table.Td>
              <Table.Td>{normal === null ? '' : `${String(normal[0])}–${String(normal[1])}`}</Table.Td>
              <Table.Td>
                {formatTime(reading.measuredAt, timeZone)}
                {reading.recordedByName === null ? '' : ` · ${reading.recordedByName}`}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

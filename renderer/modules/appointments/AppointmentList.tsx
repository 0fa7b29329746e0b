import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { Appointment } from '#shared/modules/appointments/calls.ts';
import { appointmentStatusLabels, appointmentTypeLabels, type AppointmentStatus } from '#shared/modules/appointments/appointment.ts';
import { patientName } from '../../format/people.ts';
import { formatDate, formatTime, localDateIn } from '../../format/time.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';
import { AppointmentActions } from './AppointmentActions.tsx';

const statusColors: Readonly<Record<AppointmentStatus, string>> = { SCHEDULED: 'blue', CHECKED_IN: 'teal', COMPLETED: 'gray', CANCELLED: 'red', NO_SHOW: 'orange' };

export function AppointmentStatusBadge({ status }: { status: AppointmentStatus }) {
  return (
    <Badge color={statusColors[status]} variant="light">
      {appointmentStatusLabels[status]}
    </Badge>
  );
}

/** Appointments as a table: when, who, with whom, status, and what can be done. */
export function AppointmentList({ appointments, showPatient, label }: { appointments: readonly Appointment[]; showPatient: boolean; label: string }) {
  const timeZone = useClinicZone();
  if (appointments.length === 0) return <Text c="dimmed">No appointments.</Text>;
  return (
    <Table aria-label={label} highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          {showPatient && <Table.Th>Patient</Table.Th>}
          <Table.Th>Doctor</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Reference</Table.Th>
          <Table.Th>
            <span className="visually-hidden">Actions</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {appointments.map((appointment) => (
          <Table.Tr key={appointment.id}>
            <Table.Td>
              <Stack gap={0}>
                <Text size="sm">{formatTime(appointment.startAt, timeZone)}</Text>
                <Text size="xs" c="dimmed">
                  {formatDate(localDateIn(appointment.startAt, timeZone))}
                </Text>
              </Stack>
            </Table.Td>
            {showPatient && (
              <Table.Td>
                <Text size="sm">{patientName(appointment.patient)}</Text>
                <Text size="xs" c="dimmed">
                  {appointment.patient.mrn}
                </Text>
              </Table.Td>
            )}
            <Table.Td>{appointment.doctor.fullName}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{appointmentTypeLabels[appointment.type]}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                <AppointmentStatusBadge status={appointment.status} />
                {appointment.cancelReason !== '' && <Text size="xs">{appointment.cancelReason}</Text>}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="xs" ff="monospace">
                {appointment.reference}
              </Text>
            </Table.Td>
            <Table.Td>
              <AppointmentActions appointment={appointment} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

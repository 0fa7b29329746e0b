import { Button, Group, Table, Text } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import type { Appointment } from '#shared/modules/appointments/calls.ts';
import type { Doctor } from '#shared/modules/doctors/index.ts';
import { patientName } from '../../format/people.ts';
import { formatDate, formatWallTime } from '../../format/time.ts';
import { AppointmentStatusBadge } from './AppointmentList.tsx';
import type { SlotView } from './SlotGrid.tsx';

const moves: Readonly<Record<string, readonly [number, number]>> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/**
 * Arrow keys move between the grid's cells that can be acted on (a free slot to book), skipping
 * the others in that direction, as in a spreadsheet; Tab still leaves the grid.
 */
function moveFocus(event: KeyboardEvent<HTMLTableElement>): void {
  const move = moves[event.key];
  const from = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
  if (move === undefined || from === null) return;
  const [rowStep, columnStep] = move;
  const at = (element: HTMLElement) => ({ element, row: Number(element.dataset['row']), column: Number(element.dataset['column']) });
  const here = at(from);
  // The nearest actionable cell along the arrow's line: same column going up or down, same row going across.
  const ahead = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-row]')]
    .map(at)
    .filter((cell) => (rowStep !== 0 ? cell.column === here.column && (cell.row - here.row) * rowStep > 0 : cell.row === here.row && (cell.column - here.column) * columnStep > 0))
    .sort((a, b) => Math.abs(a.row - here.row) + Math.abs(a.column - here.column) - (Math.abs(b.row - here.row) + Math.abs(b.column - here.column)));
  const next = ahead[0];
  if (next === undefined) return;
  event.preventDefault();
  next.element.focus();
}

/**
 * One day of several doctors side by side: a column per doctor, a row per time. A free slot is a
 * button (Enter books it), a booked one shows the patient and the booking's status, and a slot that
 * has begun is never offered.
 */
export function DoctorsDayGrid({
  date,
  doctors,
  slotsByDoctor,
  appointments,
  onBook,
}: {
  date: string;
  doctors: readonly Doctor[];
  slotsByDoctor: ReadonlyMap<string, readonly SlotView[]>;
  appointments: readonly Appointment[];
  /** Absent for someone who may look but not book. */
  onBook?: (doctorUserId: Doctor['userId'], slot: SlotView) => void;
}) {
  const times = [...new Set(doctors.flatMap((doctor) => (slotsByDoctor.get(doctor.userId) ?? []).map((slot) => slot.localStart)))].sort();
  if (times.length === 0) return <Text c="dimmed">No doctor has a session on {formatDate(date)}.</Text>;
  return (
    <Table aria-label={`Doctors side by side on ${formatDate(date)}`} withColumnBorders onKeyDown={moveFocus}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Time</Table.Th>
          {doctors.map((doctor) => (
            <Table.Th key={doctor.userId} scope="col">
              {doctor.fullName}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {times.map((time, row) => (
          <Table.Tr key={time}>
            <Table.Th scope="row">{formatWallTime(time)}</Table.Th>
            {doctors.map((doctor, column) => {
              const slot = slotsByDoctor.get(doctor.userId)?.find((candidate) => candidate.localStart === time);
              const booked = slot === undefined ? undefined : appointments.find((appointment) => appointment.doctor.userId === doctor.userId && appointment.startAt === slot.startAt);
              return (
                <Table.Td key={doctor.userId}>
                  {slot === undefined ? (
                    <Text size="xs" c="dimmed">
                      no session
                    </Text>
                  ) : booked !== undefined ? (
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm">{patientName(booked.patient)}</Text>
                      <AppointmentStatusBadge status={booked.status} />
                    </Group>
                  ) : slot.free && onBook !== undefined ? (
                    <Button size="xs" variant="light" data-row={row} data-column={column} aria-label={`Book ${doctor.fullName} at ${formatWallTime(time)}`} onClick={() => onBook(doctor.userId, slot)}>
                      Free
                    </Button>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {slot.past ? 'past' : slot.free ? 'free' : 'taken'}
                    </Text>
                  )}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

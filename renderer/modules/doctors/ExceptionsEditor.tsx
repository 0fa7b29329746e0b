import { Button, Checkbox, CloseButton, Group, NumberInput, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { exceptionKindLabels, exceptionKinds } from '#shared/modules/doctors/schedule.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { formatDate, formatWallTimes } from '../../format/time.ts';
import { useClinicToday } from '../../state/clinic-hooks.ts';

type Exception = { id: string; doctorUserId: string | null; date: string; kind: (typeof exceptionKinds)[number]; startTime: string | null; endTime: string | null; slotMinutes: number | null; reason: string };

/** Days that differ from the week: leave, a clinic holiday, an extra session. */
export function ExceptionsEditor({ doctorUserId, exceptions, editable }: { doctorUserId: string; exceptions: readonly Exception[]; editable: boolean }) {
  const today = useClinicToday();
  const [kind, setKind] = useState<(typeof exceptionKinds)[number]>('LEAVE');
  const [date, setDate] = useState(today);
  const [wholeDay, setWholeDay] = useState(true);
  const [startTime, setStartTime] = useState('09:00');
  const [endTime, setEndTime] = useState('13:00');
  const [slotMinutes, setSlotMinutes] = useState<number | string>(15);
  const [clinicWide, setClinicWide] = useState(false);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const timed = kind === 'EXTRA' || !wholeDay;

  const add = async (): Promise<void> => {
    setFailure(null);
    try {
      await api.call('schedules.addException', {
        doctorUserId: kind === 'HOLIDAY' && clinicWide ? null : doctorUserId,
        date,
        kind,
        startTime: timed ? startTime : null,
        endTime: timed ? endTime : null,
        slotMinutes: kind === 'EXTRA' ? Number(slotMinutes) : null,
        reason,
      });
      setReason('');
    } catch (error) {
      setFailure(messageOf(error));
    }
  };
  const remove = async (exceptionId: string): Promise<void> => {
    try {
      await api.call('schedules.removeException', { exceptionId });
    } catch (error) {
      setFailure(messageOf(error));
    }
  };

  return (
    <Stack gap="xs">
      {exceptions.length === 0 ? (
        <Text c="dimmed">No leave, holiday or extra session ahead.</Text>
      ) : (
        <Table aria-label="Schedule changes">
          <Table.Tbody>
            {exceptions.map((exception) => (
              <Table.Tr key={exception.id}>
                <Table.Td>{formatDate(exception.date)}</Table.Td>
                <Table.Td>
                  {exceptionKindLabels[exception.kind]}
                  {exception.doctorUserId === null ? ' (whole clinic)' : ''}
                </Table.Td>
                <Table.Td>{exception.startTime === null ? 'whole day' : formatWallTimes(exception.startTime, exception.endTime ?? exception.startTime)}</Table.Td>
                <Table.Td>{exception.reason}</Table.Td>
                <Table.Td>{editable && <CloseButton aria-label={`Remove ${exceptionKindLabels[exception.kind]} on ${exception.date}`} onClick={() => void remove(exception.id)} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <form
          aria-label="Add a schedule change"
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <Stack gap="xs">
            <Group align="flex-end">
              <SegmentedControl aria-label="Kind of change" data={exceptionKinds.map((value) => ({ value, label: exceptionKindLabels[value] }))} value={kind} onChange={(value) => setKind(exceptionKinds.find((candidate) => candidate === value) ?? 'LEAVE')} />
              <TextInput label="Date" type="date" value={date} onChange={(event) => setDate(event.currentTarget.value)} />
              {kind !== 'EXTRA' && <Checkbox label="Whole day" checked={wholeDay} onChange={(event) => setWholeDay(event.currentTarget.checked)} />}
              {kind === 'HOLIDAY' && <Checkbox label="Whole clinic" checked={clinicWide} onChange={(event) => setClinicWide(event.currentTarget.checked)} />}
            </Group>
            <Group align="flex-end">
              {timed && <TextInput label="From" type="time" value={startTime} onChange={(event) => setStartTime(event.currentTarget.value)} />}
              {timed && <TextInput label="To" type="time" value={endTime} onChange={(event) => setEndTime(event.currentTarget.value)} />}
              {kind === 'EXTRA' && <NumberInput label="Slot (min)" w={100} min={5} max={240} value={slotMinutes} onChange={setSlotMinutes} />}
              <TextInput label="Reason" value={reason} onChange={(event) => setReason(event.currentTarget.value)} />
              <Button type="submit">Add</Button>
            </Group>
            <FormAlert message={failure} />
          </Stack>
        </form>
      )}
    </Stack>
  );
}

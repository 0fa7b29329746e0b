import { Button, CloseButton, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { weekdayLabels, weeklySessionSchema } from '#shared/modules/doctors/schedule.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';

type SessionRow = { key: number; weekday: string; startTime: string; endTime: string; slotMinutes: number | string; breaks: string };
type StoredSession = { weekday: number; startTime: string; endTime: string; slotMinutes: number; breaks: readonly { start: string; end: string }[] };

let nextKey = 0;

function rowOf(session: StoredSession): SessionRow {
  nextKey += 1;
  return { key: nextKey, weekday: String(session.weekday), startTime: session.startTime, endTime: session.endTime, slotMinutes: session.slotMinutes, breaks: session.breaks.map((pause) => `${pause.start}-${pause.end}`).join(', ') };
}

/** "10:30-11:00, 13:00-14:00" → break ranges; anything else is left for the schema to refuse. */
function parseBreaks(text: string): { start: string; end: string }[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [start = '', end = ''] = part.split('-').map((time) => time.trim());
      return { start, end };
    });
}

/** A doctor's week: one row per session, several rows for a split day. Saving replaces the week. */
export function ScheduleEditor({ doctorUserId, sessions, editable }: { doctorUserId: string; sessions: readonly StoredSession[]; editable: boolean }) {
  const [rows, setRows] = useState<SessionRow[]>(() => sessions.map(rowOf));
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const update = (key: number, change: Partial<SessionRow>): void => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const save = async (): Promise<void> => {
    const found: Record<number, string> = {};
    const parsed = rows.flatMap((row) => {
      const result = weeklySessionSchema.safeParse({ weekday: Number(row.weekday), startTime: row.startTime, endTime: row.endTime, slotMinutes: typeof row.slotMinutes === 'number' ? row.slotMinutes : Number.NaN, breaks: parseBreaks(row.breaks) });
      if (result.success) return [result.data];
      found[row.key] = result.error.issues[0]?.message ?? 'Not valid';
      return [];
    });
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    try {
      await api.call('schedules.setWeekly', { doctorUserId, sessions: parsed });
      notifications.show({ color: 'green', message: 'Weekly schedule saved.' });
    } catch (error) {
      setFailure(messageOf(error));
    }
  };

  return (
    <Stack gap="xs">
      {rows.length === 0 && <Text c="dimmed">No weekly sessions: this doctor has no slots to book.</Text>}
      {rows.map((row) => (
        <Group key={row.key} align="flex-start" wrap="wrap" aria-label={`Session on ${weekdayLabels[Number(row.weekday) - 1] ?? ''}`} role="group">
          <Select label="Day" w={140} allowDeselect={false} disabled={!editable} data={weekdayLabels.map((label, index) => ({ value: String(index + 1), label }))} value={row.weekday} onChange={(value) => update(row.key, { weekday: value ?? '1' })} />
          <TextInput label="From" type="time" w={132} disabled={!editable} value={row.startTime} onChange={(event) => update(row.key, { startTime: event.currentTarget.value })} />
          <TextInput label="To" type="time" w={132} disabled={!editable} value={row.endTime} onChange={(event) => update(row.key, { endTime: event.currentTarget.value })} />
          <NumberInput label="Slot (min)" w={100} min={5} max={240} disabled={!editable} value={row.slotMinutes} onChange={(value) => update(row.key, { slotMinutes: value })} />
          <TextInput label="Breaks" placeholder="10:30-11:00" w={200} disabled={!editable} value={row.breaks} onChange={(event) => update(row.key, { breaks: event.currentTarget.value })} error={errors[row.key]} />
          {editable && <CloseButton mt={28} aria-label="Remove session" onClick={() => setRows((current) => current.filter((candidate) => candidate.key !== row.key))} />}
        </Group>
      ))}
      <FormAlert message={failure} />
      {editable && (
        <Group>
          <Button variant="light" size="xs" onClick={() => setRows((current) => [...current, rowOf({ weekday: 1, startTime: '09:00', endTime: '13:00', slotMinutes: 15, breaks: [] })])}>
            Add session
          </Button>
          <Button size="xs" onClick={() => void save()}>
            Save weekly schedule
          </Button>
        </Group>
      )}
    </Stack>
  );
}

import { Badge, Button, Grid, Group, Kbd, Menu, Paper, Popover, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { QueueEntry } from '#shared/modules/queue/calls.ts';
import { queuePriorities, queuePriorityLabels, queueStatusLabels } from '#shared/modules/queue/queue.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { PriorityBadge } from '../../components/PriorityBadge.tsx';
import { VirtualList } from '../../components/VirtualList.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { patientName } from '../../format/people.ts';
import { formatTime, formatWaited } from '../../format/time.ts';
import { useClinicToday, useClinicZone, useIsFrontDesk } from '../../state/clinic-hooks.ts';
import { useNow } from '../../state/use-now.ts';
import { AppointmentActions } from '../appointments/index.ts';
import { openWalkIn, WALK_IN_SHORTCUT } from './walk-in-launcher.ts';

const ROOM_KEY = 'clinic-desk.room';

async function run(action: () => Promise<unknown>, failureTitle: string): Promise<void> {
  try {
    await action();
  } catch (error) {
    notifications.show({ color: 'red', title: failureTitle, message: messageOf(error) });
  }
}

/** Calls a patient to a room; the room typed last on this computer is offered again. */
function CallButton({ entry }: { entry: QueueEntry }) {
  const [opened, setOpened] = useState(false);
  const [room, setRoom] = useState(() => localStorage.getItem(ROOM_KEY) ?? '');
  const call = async (): Promise<void> => {
    localStorage.setItem(ROOM_KEY, room);
    setOpened(false);
    await run(() => api.call('queue.call', { entryId: entry.id, room }), 'Not called');
  };
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-end">
      <Popover.Target>
        <Button size="xs" onClick={() => setOpened((open) => !open)} aria-label={`Call ${entry.token}`}>
          {entry.status === 'CALLED' ? 'Call again' : 'Call'}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          aria-label={`Call ${entry.token} to a room`}
          onSubmit={(event) => {
            event.preventDefault();
            void call();
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput label="Room" size="xs" data-autofocus value={room} onChange={(event) => setRoom(event.currentTarget.value)} />
            <Button type="submit" size="xs" disabled={room.trim() === ''}>
              Call to room
            </Button>
          </Group>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

function QueueRow({ entry, now }: { entry: QueueEntry; now: number }) {
  const timeZone = useClinicZone();
  const frontDesk = useIsFrontDesk();
  const active = entry.status !== 'DONE' && entry.status !== 'LEFT';
  const waitedSince = entry.status === 'WAITING' ? entry.arrivedAt : null;
  return (
    <Paper withBorder p="xs" mb={6} aria-label={`Token ${entry.token}`} bg={active ? undefined : 'gray.0'}>
      <Group justify="space-between" wrap="nowrap">
        <Group wrap="nowrap" gap="sm">
          <Text fw={700} size="xl" w={56} ta="center">
            {entry.token}
          </Text>
          <PriorityBadge priority={entry.priority} />
          <div>
            <Text size="sm" fw={600}>
              {patientName(entry.patient)} <Text span size="xs" c="dimmed">{entry.patient.mrn}</Text>
            </Text>
            <Text size="xs" c="dimmed">
              {entry.doctor?.fullName ?? 'Any doctor'}
              {entry.appointmentReference === null ? ' · walk-in' : ` · ${entry.appointmentReference}`} · arrived {formatTime(entry.arrivedAt, timeZone)}
            </Text>
          </div>
        </Group>
        <Group wrap="nowrap" gap="xs">
          <Badge variant="light" color={entry.status === 'WAITING' ? 'blue' : entry.status === 'DONE' ? 'gray' : 'teal'}>
            {queueStatusLabels[entry.status]}
            {entry.room === '' ? '' : ` · ${entry.room}`}
          </Badge>
          {waitedSince !== null && (
            <Text size="sm" aria-label="Waiting for" data-one-line>
              {formatWaited(waitedSince, now)}
            </Text>
          )}
          {(entry.status === 'WAITING' || entry.status === 'CALLED') && <CallButton entry={entry} />}
          {(entry.status === 'WAITING' || entry.status === 'CALLED') && (
            <Button size="xs" variant="light" onClick={() => void run(() => api.call('queue.start', { entryId: entry.id }), 'Not started')} aria-label={`Start consultation for ${entry.token}`}>
              Start
            </Button>
          )}
          {entry.status === 'IN_CONSULTATION' && (
            <Button size="xs" onClick={() => void run(() => api.call('queue.finish', { entryId: entry.id }), 'Not finished')} aria-label={`Mark ${entry.token} done`}>
              Done
            </Button>
          )}
          {active && (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button size="xs" variant="default" aria-label={`More for ${entry.token}`}>
                  …
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {entry.status === 'CALLED' && <Menu.Item onClick={() => void run(() => api.call('queue.requeue', { entryId: entry.id }), 'Not changed')}>Back to waiting</Menu.Item>}
                {frontDesk &&
                  queuePriorities
                    .filter((priority) => priority !== entry.priority)
                    .map((priority) => (
                      <Menu.Item key={priority} onClick={() => void run(() => api.call('queue.setPriority', { entryId: entry.id, priority }), 'Not changed')}>
                        Priority: {queuePriorityLabels[priority]}
                      </Menu.Item>
                    ))}
                {frontDesk && entry.status !== 'IN_CONSULTATION' && (
                  <Menu.Item color="red" onClick={() => void run(() => api.call('queue.markLeft', { entryId: entry.id }), 'Not changed')}>
                    Left without being seen
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

/** Today's queue in order (priority, then arrival), with today's appointments still to check in. */
export function QueueTab() {
  const today = useClinicToday();
  const timeZone = useClinicZone();
  const frontDesk = useIsFrontDesk();
  const now = useNow(30_000);
  const queue = useCall('queue.list', { date: today, includeFinished: true });
  const appointments = useCall('appointments.list', { fromDate: today, toDate: today });
  const entries = queue.status === 'done' ? queue.result.entries : [];
  const waiting = entries.filter((entry) => entry.status === 'WAITING').length;
  const toCheckIn = appointments.status === 'done' ? appointments.result.appointments.filter((appointment) => appointment.status === 'SCHEDULED' || appointment.status === 'NO_SHOW') : [];
  return (
    <Grid>
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h4">
              Queue · {waiting} waiting
            </Title>
            {frontDesk && (
              <Button onClick={() => openWalkIn(null)} aria-keyshortcuts={WALK_IN_SHORTCUT} rightSection={<Kbd size="xs">{WALK_IN_SHORTCUT}</Kbd>}>
                Add walk-in
              </Button>
            )}
          </Group>
          {queue.status === 'failed' && <Text c="red">{queue.error.message}</Text>}
          {entries.length === 0 && queue.status === 'done' && <Text c="dimmed">Nobody in the queue today yet.</Text>}
          {entries.length > 0 && <VirtualList label="Queue" items={entries} rowHeight={70} height="calc(100vh - 260px)" getKey={(entry) => entry.id} renderRow={(entry) => <QueueRow entry={entry} now={now} />} />}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack>
          <Title order={2} size="h4">
            To check in today
          </Title>
          {toCheckIn.length === 0 && <Text c="dimmed">No appointment waiting for its patient.</Text>}
          <Stack gap={6} role="list" aria-label="Appointments to check in">
            {toCheckIn.map((appointment) => (
              <Paper key={appointment.id} withBorder p="xs" role="listitem">
                <Group justify="space-between" wrap="nowrap">
                  <div>
                    <Text size="sm" fw={600}>
                      {formatTime(appointment.startAt, timeZone)} · {patientName(appointment.patient)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {appointment.doctor.fullName} · {appointment.reference}
                      {appointment.status === 'NO_SHOW' ? ' · marked no-show' : ''}
                    </Text>
                  </div>
                  <AppointmentActions appointment={appointment} />
                </Group>
              </Paper>
            ))}
          </Stack>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

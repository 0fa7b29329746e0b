import { Alert, Badge, Button, Group, Kbd, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { EncounterSummary } from '#shared/modules/consultation/calls.ts';
import { queueStatusLabels, type QueueEntry } from '#shared/modules/queue/index.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { PriorityBadge } from '../../components/PriorityBadge.tsx';
import { Refusal } from '../../components/Refusal.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { patientName } from '../../format/people.ts';
import { formatTime } from '../../format/time.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';
import { useAppStore } from '../../state/store.ts';
import { encounterRoute } from './consultation-routes.ts';

/** In consultation first (the doctor's own patient now), then called, then waiting in queue order. */
const statusOrder = { IN_CONSULTATION: 0, CALLED: 1, WAITING: 2, DONE: 3, LEFT: 4 } as const;

function QueueOption({ entry, selected, id, onStart }: { entry: QueueEntry; selected: boolean; id: string; onStart: () => void }) {
  const timeZone = useClinicZone();
  return (
    <Paper
      component="li"
      id={id}
      role="option"
      aria-selected={selected}
      withBorder
      p="xs"
      mb={6}
      bg={selected ? 'teal.0' : undefined}
      style={{ borderColor: selected ? 'var(--mantine-color-teal-8)' : undefined, cursor: 'pointer', listStyle: 'none' }}
      onDoubleClick={onStart}
    >
      <Group justify="space-between" wrap="nowrap">
        <Group wrap="nowrap" gap="sm">
          <Text fw={700} size="lg" w={48} ta="center">
            {entry.token}
          </Text>
          <PriorityBadge priority={entry.priority} />
          <div>
            <Text size="sm" fw={600}>
              {patientName(entry.patient)} <Text span size="xs" c="dimmed">{entry.patient.mrn}</Text>
            </Text>
            <Text size="xs" c="dimmed">
              {entry.appointmentReference ?? 'Walk-in'} · arrived {formatTime(entry.arrivedAt, timeZone)}
              {entry.doctor === null ? ' · any doctor' : ''}
            </Text>
          </div>
        </Group>
        <Badge variant="light" color={entry.status === 'IN_CONSULTATION' ? 'teal' : entry.status === 'CALLED' ? 'cyan' : 'gray'} style={{ textTransform: 'none' }}>
          {queueStatusLabels[entry.status]}
          {entry.room === '' ? '' : ` · ${entry.room}`}
        </Badge>
      </Group>
    </Paper>
  );
}

function OpenEncounters({ encounters }: { encounters: readonly EncounterSummary[] }) {
  const navigate = useAppStore((state) => state.navigate);
  const timeZone = useClinicZone();
  if (encounters.length === 0) return null;
  return (
    <Stack gap={4} component="section" aria-label="Open encounters">
      <Title order={2} size="h4">
        Open encounters
      </Title>
      {encounters.map((encounter) => (
        <Group key={encounter.id} justify="space-between" wrap="nowrap">
          <Text size="sm">
            {patientName(encounter.patient)} · {encounter.reference} · since {formatTime(encounter.startedAt, timeZone)}
            {encounter.status === 'SIGNED' ? ' · signed, not completed' : ''}
          </Text>
          <Button size="xs" variant="light" onClick={() => navigate(encounterRoute(encounter.id))} aria-label={`Resume ${patientName(encounter.patient)}`}>
            Resume
          </Button>
        </Group>
      ))}
    </Stack>
  );
}

/**
 * The doctor's day: their queue for today, live, and their appointments. Arrow keys choose a
 * patient, Enter starts the consultation (the entry goes in consultation, an encounter opens).
 */
export function WorklistTab() {
  const worklist = useCall('consultation.worklist', {});
  const navigate = useAppStore((state) => state.navigate);
  const timeZone = useClinicZone();
  const [selected, setSelected] = useState(0);
  const [starting, setStarting] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const loaded = worklist.status === 'done';
  useEffect(() => {
    if (loaded) list.current?.focus({ preventScroll: true });
  }, [loaded]);
  if (worklist.status === 'failed') return <Refusal what="the worklist" reason={worklist.error.message} />;
  if (worklist.status !== 'done') return <Loader aria-label="Loading the worklist" />;
  const queue = [...worklist.result.queue].sort((a, b) => statusOrder[a.status] - statusOrder[b.status]);
  const chosen = queue[Math.min(selected, queue.length - 1)];
  const start = async (entry: QueueEntry | undefined): Promise<void> => {
    if (entry === undefined || starting) return;
    setStarting(true);
    try {
      const encounter = await api.call('consultation.start', { queueEntryId: entry.id });
      navigate(encounterRoute(encounter.id));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not started', message: messageOf(error) });
    } finally {
      setStarting(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (event.key === 'ArrowDown') setSelected((index) => Math.min(index + 1, queue.length - 1));
    else if (event.key === 'ArrowUp') setSelected((index) => Math.max(index - 1, 0));
    else if (event.key === 'Home') setSelected(0);
    else if (event.key === 'End') setSelected(queue.length - 1);
    else if (event.key === 'Enter') void start(chosen);
    else return;
    event.preventDefault();
  };
  return (
    <Stack>
      <OpenEncounters encounters={worklist.result.openEncounters} />
      <Group justify="space-between">
        <Title order={2} size="h4" id="worklist-queue-heading">
          My queue today
        </Title>
        <Group gap="xs">
          <Text size="sm">
            <Kbd>↑</Kbd> <Kbd>↓</Kbd> choose · <Kbd>Enter</Kbd> start
          </Text>
          <Button size="sm" onClick={() => void start(chosen)} disabled={chosen === undefined} loading={starting}>
            {chosen?.status === 'IN_CONSULTATION' ? 'Resume consultation' : 'Start consultation'}
          </Button>
        </Group>
      </Group>
      {queue.length === 0 ? (
        <Alert color="gray" role="status">
          Nobody is waiting for you.
        </Alert>
      ) : (
        <ul
          ref={list}
          role="listbox"
          tabIndex={0}
          aria-labelledby="worklist-queue-heading"
          aria-activedescendant={chosen === undefined ? undefined : `worklist-${chosen.id}`}
          onKeyDown={onKeyDown}
          style={{ margin: 0, padding: 0 }}
        >
          {queue.map((entry, index) => (
            <QueueOption
              key={entry.id}
              id={`worklist-${entry.id}`}
              entry={entry}
              selected={entry === chosen}
              onStart={() => {
                setSelected(index);
                void start(entry);
              }}
            />
          ))}
        </ul>
      )}
      <Stack gap={4} component="section" aria-label="My appointments today">
        <Title order={2} size="h4">
          My appointments today
        </Title>
        {worklist.result.appointments.length === 0 ? (
          <Text size="sm">No appointments today.</Text>
        ) : (
          worklist.result.appointments.map((appointment) => (
            <Text key={appointment.id} size="sm">
              {formatTime(appointment.startAt, timeZone)} · {patientName(appointment.patient)} ({appointment.patient.mrn}) · {appointment.reference} · {appointment.status.toLowerCase().replace('_', ' ')}
            </Text>
          ))
        )}
      </Stack>
    </Stack>
  );
}

import { Badge, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import type { Chart } from '#shared/modules/consultation/calls.ts';
import { encounterStatusLabels } from '#shared/modules/consultation/encounter.ts';
import { vitalDefinitions } from '#shared/modules/consultation/vitals.ts';
import { formatDateTime } from '../../format/time.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';
import { SignedNoteView } from './SignedNoteView.tsx';

type Entry = Chart['encounters'][number];

function matches(entry: Entry, filter: string): boolean {
  if (filter === '') return true;
  const words = [entry.encounter.reference, entry.encounter.doctor.fullName, entry.encounter.clinicCode, ...entry.diagnoses.flatMap((diagnosis) => [diagnosis.code, diagnosis.title]), ...entry.notes.flatMap((note) => [note.assessment, note.plan])];
  return filter
    .toLowerCase()
    .split(/\s+/)
    .every((word) => words.some((text) => text.toLowerCase().includes(word)));
}

/**
 * Every encounter of the patient, newest first, with its diagnoses and vitals; the notes for a
 * reader allowed them. A filter narrows it by code, words of a diagnosis, doctor or clinic; the
 * arrow keys move through it and Enter opens an encounter's note.
 */
export function EncounterTimeline({ chart }: { chart: Chart }) {
  const timeZone = useClinicZone();
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const [expanded, setExpanded] = useState<string | null>(null);
  const shown = chart.encounters.filter((entry) => matches(entry, filter.trim()));
  const current = shown[Math.min(active, shown.length - 1)];
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, shown.length - 1));
    else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
    else if (event.key === 'Enter' && current !== undefined) setExpanded((open) => (open === current.encounter.id ? null : current.encounter.id));
    else return;
    event.preventDefault();
  };
  const vitalsOf = (encounterId: string) => chart.vitals.filter((reading) => reading.encounterId === encounterId);
  return (
    <Stack gap="xs" component="section" aria-label="Timeline">
      <TextInput size="xs" label="Filter the timeline" placeholder="Code, diagnosis, doctor or clinic" value={filter} onChange={(event) => setFilter(event.currentTarget.value)} />
      {shown.length === 0 ? (
        <Text size="sm">{chart.encounters.length === 0 ? 'No encounters yet.' : 'No encounter matches the filter.'}</Text>
      ) : (
        <ul role="listbox" tabIndex={0} aria-label="Encounters" aria-activedescendant={current === undefined ? undefined : `timeline-${current.encounter.id}`} onKeyDown={onKeyDown} style={{ margin: 0, padding: 0 }}>
          {shown.map((entry) => {
            const selected = entry === current;
            const vitals = vitalsOf(entry.encounter.id);
            return (
              <Paper
                component="li"
                key={entry.encounter.id}
                id={`timeline-${entry.encounter.id}`}
                role="option"
                aria-selected={selected}
                withBorder
                p="xs"
                mb={6}
                bg={selected ? 'teal.0' : undefined}
                style={{ listStyle: 'none', cursor: 'pointer' }}
                onClick={() => setExpanded((open) => (open === entry.encounter.id ? null : entry.encounter.id))}
              >
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {formatDateTime(entry.encounter.startedAt, timeZone)}
                  </Text>
                  <Text size="sm">
                    {entry.encounter.reference} · {entry.encounter.doctor.fullName} · {entry.encounter.clinicCode}
                  </Text>
                  <Badge size="sm" variant="light" color="gray" style={{ textTransform: 'none' }}>
                    {encounterStatusLabels[entry.encounter.status]}
                  </Badge>
                </Group>
                <Text size="sm">{entry.diagnoses.length === 0 ? 'No diagnosis signed' : entry.diagnoses.map((diagnosis) => `${diagnosis.code} ${diagnosis.title}`).join('; ')}</Text>
                {vitals.length > 0 && (
                  <Text size="xs">
                    {vitals.map((reading) => `${vitalDefinitions[reading.kind].label} ${String(reading.value)} ${reading.unit}${reading.flag === null ? '' : ` (${reading.flag.toLowerCase()})`}`).join(' · ')}
                  </Text>
                )}
                {expanded === entry.encounter.id && entry.notes.map((note) => <SignedNoteView key={note.id} note={note} />)}
              </Paper>
            );
          })}
        </ul>
      )}
    </Stack>
  );
}

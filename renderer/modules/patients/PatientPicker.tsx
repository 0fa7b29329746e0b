import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { PatientSearchResult } from '#shared/modules/patients/calls.ts';
import { patientName } from '../../format/people.ts';
import { PatientResultLine, usePatientSearch } from './PatientSearchBox.tsx';

export type PickedPatient = { id: string; mrn: string; givenName: string; familyName: string };

type Props = {
  value: PickedPatient | null;
  onChange: (patient: PickedPatient | null) => void;
  label?: string;
  /** Offered when the person is not found: registers them, starting from what was typed. */
  onRegisterNew?: (typed: string) => void;
};

/** Enter picks a result only when it cannot be someone else: one result, not found by a similar spelling. */
function onlyCertainResult(results: readonly PatientSearchResult[]): PatientSearchResult | null {
  const [first, second] = results;
  return first !== undefined && second === undefined && first.matchedBy !== 'typo' ? first : null;
}

/**
 * Choose a patient inside a form: type, then Enter picks the one certain match, or moves to the
 * list when several could be meant, or registers a new patient when nobody matches.
 */
export function PatientPicker({ value, onChange, label = 'Patient', onRegisterNew }: Props) {
  const [query, setQuery] = useState('');
  const [enterFor, setEnterFor] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const { results, searching, failure, answered } = usePatientSearch(query, 8);
  const settled = !searching && answered === query.trim();

  const choose = (patient: PatientSearchResult): void => {
    onChange({ id: patient.id, mrn: patient.mrn, givenName: patient.givenName, familyName: patient.familyName });
    setQuery('');
  };

  // Enter pressed before the results of what was typed arrived waits for them.
  useEffect(() => {
    if (enterFor === null || enterFor !== query.trim() || !settled) return;
    setEnterFor(null);
    if (failure !== null) return;
    const certain = onlyCertainResult(results);
    if (certain !== null) choose(certain);
    else if (results.length > 0) list.current?.querySelector<HTMLButtonElement>('button')?.focus();
    else onRegisterNew?.(query.trim());
  }, [enterFor, settled, results, failure, query]);

  if (value !== null) {
    return (
      <Paper withBorder p="xs">
        <Group justify="space-between">
          <Text size="sm">
            {label}: <strong>{patientName(value)}</strong> · {value.mrn}
          </Text>
          <Button size="xs" variant="subtle" onClick={() => onChange(null)}>
            Change
          </Button>
        </Group>
      </Paper>
    );
  }
  return (
    <Stack gap={4}>
      <TextInput
        label={label}
        placeholder="Name, phone or record number"
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setEnterFor(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            // Enter here chooses a patient; it never submits the form around the picker.
            event.preventDefault();
            if (query.trim() !== '') setEnterFor(query.trim());
          } else if (event.key === 'ArrowDown') {
            event.preventDefault();
            list.current?.querySelector<HTMLButtonElement>('button')?.focus();
          }
        }}
        data-autofocus
        error={failure}
      />
      {query.trim() !== '' && settled && results.length === 0 && failure === null && <Text size="sm" c="dimmed">No patient matches.</Text>}
      <Stack gap={4} ref={list}>
        {results.map((patient) => (
          <Button key={patient.id} variant="default" justify="flex-start" h="auto" py={6} onClick={() => choose(patient)} aria-label={`Choose ${patientName(patient)}, ${patient.mrn}`}>
            <PatientResultLine patient={patient} />
          </Button>
        ))}
        {onRegisterNew !== undefined && query.trim() !== '' && settled && (
          <Button variant="light" justify="flex-start" onClick={() => onRegisterNew(query.trim())}>
            Register “{query.trim()}” as a new patient
          </Button>
        )}
      </Stack>
    </Stack>
  );
}

import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PatientSearchResult } from '#shared/modules/patients/calls.ts';
import { patientName } from '../../format/people.ts';
import { PatientResultLine, usePatientSearch } from './PatientSearchBox.tsx';

export type PickedPatient = { id: string; mrn: string; givenName: string; familyName: string };

/** Choose a patient inside a form: type, then pick from the list with the mouse or Tab and Enter. */
export function PatientPicker({ value, onChange, label = 'Patient' }: { value: PickedPatient | null; onChange: (patient: PickedPatient | null) => void; label?: string }) {
  const [query, setQuery] = useState('');
  const { results, searching, failure } = usePatientSearch(query, 8);
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
  const choose = (patient: PatientSearchResult): void => {
    onChange({ id: patient.id, mrn: patient.mrn, givenName: patient.givenName, familyName: patient.familyName });
    setQuery('');
  };
  return (
    <Stack gap={4}>
      <TextInput label={label} placeholder="Name, phone or record number" value={query} onChange={(event) => setQuery(event.currentTarget.value)} data-autofocus error={failure} />
      {query.trim() !== '' && !searching && results.length === 0 && failure === null && <Text size="sm" c="dimmed">No patient matches.</Text>}
      {results.map((patient) => (
        <Button key={patient.id} variant="default" justify="flex-start" h="auto" py={6} onClick={() => choose(patient)} aria-label={`Choose ${patientName(patient)}, ${patient.mrn}`}>
          <PatientResultLine patient={patient} />
        </Button>
      ))}
    </Stack>
  );
}

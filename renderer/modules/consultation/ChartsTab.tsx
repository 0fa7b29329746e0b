import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useAppStore } from '../../state/store.ts';
import { PatientPicker, type PickedPatient } from '../patients/index.ts';
import { chartRoute } from './consultation-routes.ts';

/** Find a patient and open their chart: for a patient outside the queue, and for vitals before the doctor. */
export function ChartsTab() {
  const navigate = useAppStore((state) => state.navigate);
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  return (
    <Stack maw={640}>
      <Text size="sm">Type a name, record number or phone; Enter opens the chart.</Text>
      <PatientPicker
        label="Patient"
        value={patient}
        onChange={(picked) => {
          setPatient(picked);
          if (picked !== null) navigate(chartRoute(picked.id));
        }}
      />
    </Stack>
  );
}

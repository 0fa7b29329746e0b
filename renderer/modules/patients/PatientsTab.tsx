import { Button, Group, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { VirtualList } from '../../components/VirtualList.tsx';
import { patientName } from '../../format/people.ts';
import { useIsFrontDesk } from '../../state/clinic-hooks.ts';
import { patientRoute } from '../../state/routes.ts';
import { useAppStore } from '../../state/store.ts';
import { LinkByMrnModal } from './LinkByMrnModal.tsx';
import { PatientFormModal } from './PatientFormModal.tsx';
import { PatientResultLine, usePatientSearch } from './PatientSearchBox.tsx';

/** A full-size search with every result, and registration. */
export function PatientsTab() {
  const frontDesk = useIsFrontDesk();
  const navigate = useAppStore((state) => state.navigate);
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<'register' | 'link' | null>(null);
  const { results, searching, failure } = usePatientSearch(query, 50);
  return (
    <Stack>
      <Group justify="space-between">
        <TextInput aria-label="Search patients" placeholder="Name, phone or record number" w={420} value={query} onChange={(event) => setQuery(event.currentTarget.value)} />
        {frontDesk && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setDialog('link')}>
              Add by record number
            </Button>
            <Button onClick={() => setDialog('register')}>Register patient</Button>
          </Group>
        )}
      </Group>
      {failure !== null && <Text c="red">{failure}</Text>}
      {query.trim() !== '' && !searching && results.length === 0 && failure === null && <Text c="dimmed">No patient matches “{query.trim()}”.</Text>}
      {results.length > 0 && (
        <VirtualList
          label="Patients found"
          items={results}
          rowHeight={56}
          height={Math.min(560, results.length * 56)}
          getKey={(patient) => patient.id}
          renderRow={(patient) => (
            <UnstyledButton w="100%" p="xs" onClick={() => navigate(patientRoute(patient.id))} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
              <PatientResultLine patient={patient} />
            </UnstyledButton>
          )}
        />
      )}
      {dialog === 'register' && (
        <PatientFormModal
          existing={null}
          onClose={() => setDialog(null)}
          onSaved={(record) => {
            setDialog(null);
            notifications.show({ color: 'green', title: `Registered ${record.mrn}`, message: patientName(record) });
            navigate(patientRoute(record.id));
          }}
          onOpenOther={(id) => {
            setDialog(null);
            navigate(patientRoute(id));
          }}
        />
      )}
      {dialog === 'link' && <LinkByMrnModal onClose={() => setDialog(null)} />}
    </Stack>
  );
}

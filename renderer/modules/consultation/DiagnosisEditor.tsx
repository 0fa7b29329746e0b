import { ActionIcon, Button, Checkbox, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { diagnosisCertaintyLabels, diagnosisRankLabels, type DiagnosisInput } from '#shared/modules/consultation/encounter.ts';
import { DiagnosisPicker } from '../diagnosis-codes/index.ts';

type Certainty = DiagnosisInput['certainty'];

/**
 * The encounter's diagnoses, ICD-10 coded and chosen by typing words of the title or the code
 * (offline, from the clinic's code list): the first is primary, the others secondary; each
 * provisional or confirmed, and chronic ones join the problem list once signed.
 */
export function DiagnosisEditor({ diagnoses, onChange, readOnly = false }: { diagnoses: readonly DiagnosisInput[]; onChange: (next: DiagnosisInput[]) => void; readOnly?: boolean }) {
  const [certainty, setCertainty] = useState<Certainty>('PROVISIONAL');
  const [chronic, setChronic] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const add = (picked: { code: string; title: string }): void => {
    if (diagnoses.some((diagnosis) => diagnosis.code === picked.code)) {
      setError(`${picked.code} is already listed`);
      return;
    }
    const rank = diagnoses.some((diagnosis) => diagnosis.rank === 'PRIMARY') ? 'SECONDARY' : 'PRIMARY';
    onChange([...diagnoses, { code: picked.code, title: picked.title, rank, certainty, chronic }]);
    setChronic(false);
    setError(null);
  };
  const makePrimary = (index: number): void => onChange(diagnoses.map((diagnosis, at) => ({ ...diagnosis, rank: at === index ? 'PRIMARY' : 'SECONDARY' })));
  const remove = (index: number): void => {
    const rest = diagnoses.filter((_, at) => at !== index);
    onChange(rest.some((diagnosis) => diagnosis.rank === 'PRIMARY') ? rest : rest.map((diagnosis, at) => ({ ...diagnosis, rank: at === 0 ? 'PRIMARY' : 'SECONDARY' })));
  };
  return (
    <Stack gap="xs">
      {diagnoses.length === 0 ? (
        <Text size="sm">No diagnosis yet.</Text>
      ) : (
        <Table aria-label="Diagnoses" withTableBorder verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code</Table.Th>
              <Table.Th>Diagnosis</Table.Th>
              <Table.Th>Rank</Table.Th>
              <Table.Th>Certainty</Table.Th>
              <Table.Th>Chronic</Table.Th>
              {!readOnly && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {diagnoses.map((diagnosis, index) => (
              <Table.Tr key={diagnosis.code}>
                <Table.Td>{diagnosis.code}</Table.Td>
                <Table.Td>{diagnosis.title}</Table.Td>
                <Table.Td>{diagnosisRankLabels[diagnosis.rank]}</Table.Td>
                <Table.Td>{diagnosisCertaintyLabels[diagnosis.certainty]}</Table.Td>
                <Table.Td>{diagnosis.chronic ? 'Yes' : 'No'}</Table.Td>
                {!readOnly && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {diagnosis.rank !== 'PRIMARY' && (
                        <Button size="compact-xs" variant="subtle" onClick={() => makePrimary(index)} aria-label={`Make ${diagnosis.code} primary`}>
                          Make primary
                        </Button>
                      )}
                      <ActionIcon size="sm" variant="subtle" color="red" onClick={() => remove(index)} aria-label={`Remove ${diagnosis.code}`}>
                        ✕
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!readOnly && (
        <Group align="flex-end" gap="xs" wrap="wrap" role="group" aria-label="Add a diagnosis">
          <SegmentedControl
            size="xs"
            aria-label="Certainty"
            value={certainty}
            onChange={(value) => setCertainty(value === 'CONFIRMED' ? 'CONFIRMED' : 'PROVISIONAL')}
            data={[
              { value: 'PROVISIONAL', label: 'Provisional' },
              { value: 'CONFIRMED', label: 'Confirmed' },
            ]}
          />
          <Checkbox size="xs" label="Chronic" checked={chronic} onChange={(event) => setChronic(event.currentTarget.checked)} mb={6} />
          <div style={{ flex: 1, minWidth: 260 }}>
            <DiagnosisPicker label="Add a diagnosis (ICD-10)" onPick={add} error={error} />
          </div>
        </Group>
      )}
    </Stack>
  );
}

import { ActionIcon, Button, Checkbox, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { diagnosisCertaintyLabels, diagnosisRankLabels, icd10CodeSchema, type DiagnosisInput } from '#shared/modules/consultation/encounter.ts';

type Certainty = DiagnosisInput['certainty'];

/**
 * The encounter's diagnoses, ICD-10 coded: the first is primary, the others secondary; each
 * provisional or confirmed, and chronic ones join the problem list once signed.
 */
export function DiagnosisEditor({ diagnoses, onChange, readOnly = false }: { diagnoses: readonly DiagnosisInput[]; onChange: (next: DiagnosisInput[]) => void; readOnly?: boolean }) {
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [certainty, setCertainty] = useState<Certainty>('PROVISIONAL');
  const [chronic, setChronic] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const add = (): void => {
    const parsed = icd10CodeSchema.safeParse(code);
    const problem = !parsed.success ? (parsed.error.issues[0]?.message ?? 'Not an ICD-10 code') : title.trim() === '' ? 'Give the diagnosis its title' : diagnoses.some((diagnosis) => diagnosis.code === parsed.data) ? `${parsed.data} is already listed` : null;
    if (problem !== null || !parsed.success) {
      setError(problem);
      return;
    }
    const rank = diagnoses.some((diagnosis) => diagnosis.rank === 'PRIMARY') ? 'SECONDARY' : 'PRIMARY';
    onChange([...diagnoses, { code: parsed.data, title: title.trim(), rank, certainty, chronic }]);
    setCode('');
    setTitle('');
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
        <form
          aria-label="Add a diagnosis"
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput size="xs" w={100} label="ICD-10 code" value={code} onChange={(event) => setCode(event.currentTarget.value)} error={error !== null} />
            <TextInput size="xs" style={{ flex: 1, minWidth: 180 }} label="Diagnosis" value={title} onChange={(event) => setTitle(event.currentTarget.value)} />
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
            <Checkbox size="xs" label="Chronic" checked={chronic} onChange={(event) => setChronic(event.currentTarget.checked)} />
            <Button type="submit" size="xs" variant="light">
              Add diagnosis
            </Button>
          </Group>
          {error !== null && (
            <Text size="xs" c="red.8" role="alert" mt={4}>
              {error}
            </Text>
          )}
        </form>
      )}
    </Stack>
  );
}

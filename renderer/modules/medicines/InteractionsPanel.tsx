import { Alert, Button, FileInput, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { interactionCsvColumns } from '#shared/modules/medicines/knowledge/interaction-record.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { messageOf } from '../../forms/schema-form.ts';

/** The interaction knowledge base of this workstation, and loading a licensed one from a CSV file. */
export function InteractionsPanel() {
  const summary = useCall('medicines.knowledgeBase', {});
  const [file, setFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const importFile = async () => {
    if (file === null) return;
    setFailure(null);
    setImporting(true);
    try {
      const { imported } = await api.call('medicines.importInteractions', { csv: await file.text() });
      notifications.show({ color: 'green', message: `${imported.toLocaleString()} interaction pairs imported.` });
      setFile(null);
      summary.reload();
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setImporting(false);
    }
  };
  return (
    <Stack maw={720}>
      <Title order={2} size="h4">
        Interaction knowledge base
      </Title>
      {summary.status === 'done' ? (
        <Text size="sm">
          This workstation checks prescriptions against {summary.result.pairs.toLocaleString()} pairs of medicines or classes
          {summary.result.sources.length > 0 ? ` (${summary.result.sources.join('; ')})` : ''}.
        </Text>
      ) : (
        <Loader size="sm" />
      )}
      <Text size="sm">
        Importing a CSV file replaces them all, on this workstation only. Its first line names the columns: <Text span ff="monospace" size="sm">{interactionCsvColumns.join(',')}</Text>. A file with any bad line is refused whole, and the lines to fix are listed.
      </Text>
      <List size="sm">
        <List.Item>first_kind, second_kind: INGREDIENT or CLASS</List.Item>
        <List.Item>severity: MINOR, MODERATE, SEVERE or CONTRAINDICATED</List.Item>
        <List.Item>effect and advice: what happens and what to do, in plain words; source: where the pair comes from</List.Item>
      </List>
      {failure !== null && (
        <Alert color="red" role="alert" title="Nothing was imported">
          {failure}
        </Alert>
      )}
      <Group align="flex-end">
        <FileInput label="Interaction CSV file" accept=".csv,text/csv" value={file} onChange={setFile} clearable w={320} />
        <Button onClick={() => void importFile()} disabled={file === null} loading={importing}>
          Import
        </Button>
      </Group>
    </Stack>
  );
}

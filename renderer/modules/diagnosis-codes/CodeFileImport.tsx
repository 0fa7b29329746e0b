import { Alert, Button, FileInput, Group, Progress, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { CodeSet } from '#shared/modules/diagnosis-codes/calls.ts';
import { icdEditions, type IcdEdition } from '#shared/modules/diagnosis-codes/code-format.ts';
import { editionFromFileName } from '#shared/modules/diagnosis-codes/tabular-file.ts';
import { messageOf } from '../../forms/schema-form.ts';
import { uploadCodeFile, type UploadProgress } from './upload-code-file.ts';

type Outcome = { readonly kind: 'imported'; readonly codeSet: CodeSet } | { readonly kind: 'refused'; readonly message: string };

function isEdition(value: string | null): value is IcdEdition {
  return value !== null && (icdEditions as readonly string[]).includes(value);
}

/** Choose a published tabular file, say its edition and version, and load it in place of the current code set. */
export function CodeFileImport({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [edition, setEdition] = useState<IcdEdition>('ICD-10-CM');
  const [version, setVersion] = useState('');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [importing, setImporting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const choose = (chosen: File | null): void => {
    setFile(chosen);
    setOutcome(null);
    setProgress(null);
    const named = chosen === null ? null : editionFromFileName(chosen.name);
    if (named !== null) {
      setEdition(named.edition);
      setVersion(named.version);
    }
  };

  const start = async (): Promise<void> => {
    if (file === null) return;
    setImporting(true);
    setOutcome(null);
    try {
      const text = await file.text();
      const codeSet = await uploadCodeFile(text, { fileName: file.name, edition, version: version.trim() }, setProgress);
      setOutcome({ kind: 'imported', codeSet });
      onImported();
    } catch (error) {
      setOutcome({ kind: 'refused', message: messageOf(error) });
    } finally {
      setImporting(false);
    }
  };

  const percent = progress === null || progress.totalChars === 0 ? 0 : Math.round((progress.sentChars / progress.totalChars) * 100);
  return (
    <Stack maw={640} gap="sm">
      <Text size="sm">
        Load the complete classification from its published tabular text file: the CMS ICD-10-CM order file (icd10cm_order_2025.txt) or codes file
        (icd10cm_codes_2025.txt). It replaces the codes searched on this workstation; diagnoses already recorded keep their code and title.
      </Text>
      <FileInput label="Code file" placeholder="Choose a .txt file" accept=".txt,text/plain" value={file} onChange={choose} clearable disabled={importing} />
      <Group grow align="flex-start">
        <Select label="Edition" data={[...icdEditions]} value={edition} allowDeselect={false} onChange={(value) => isEdition(value) && setEdition(value)} disabled={importing} />
        <TextInput label="Version" description="The release year, say" value={version} onChange={(event) => setVersion(event.currentTarget.value)} disabled={importing} />
      </Group>
      <Group>
        <Button onClick={() => void start()} loading={importing} disabled={file === null || version.trim() === ''}>
          Import codes
        </Button>
      </Group>
      {importing && progress !== null && (
        <Stack gap={4}>
          <Progress value={percent} aria-label="Import progress" />
          <Text size="sm" aria-live="polite">
            {progress.linesRead.toLocaleString()} lines read ({percent}%)
          </Text>
        </Stack>
      )}
      {outcome?.kind === 'imported' && (
        <Alert color="green" title="Imported">
          {outcome.codeSet.codeCount.toLocaleString()} codes of {outcome.codeSet.edition} {outcome.codeSet.version} are now searched on this workstation.
        </Alert>
      )}
      {outcome?.kind === 'refused' && (
        <Alert color="red" role="alert" title="Not imported">
          {outcome.message}
        </Alert>
      )}
    </Stack>
  );
}

import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { DiagnosisCode } from '#shared/modules/diagnosis-codes/calls.ts';
import { useCall } from '../../api/use-call.ts';
import { Refusal } from '../../components/Refusal.tsx';
import { useAppStore } from '../../state/store.ts';
import { CodeFileImport } from './CodeFileImport.tsx';
import { CodeSetSummary } from './CodeSetSummary.tsx';
import { DiagnosisPicker } from './DiagnosisPicker.tsx';

/** Administration: the ICD-10 code set this workstation searches, a file to load in its place, and a way to try it. */
export function DiagnosisCodesPanel() {
  const timeZone = useAppStore((state) => state.session?.activeClinic?.timeZone ?? 'UTC');
  const current = useCall('diagnosisCodes.codeSet', {});
  const [tried, setTried] = useState<DiagnosisCode | null>(null);

  if (current.status === 'failed') {
    if (current.error.code === 'FORBIDDEN') return <Refusal what="Diagnosis codes" reason={current.error.message} />;
    return (
      <Alert color="red" role="alert">
        {current.error.message}
      </Alert>
    );
  }
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={2} size="h4">
          Code set on this workstation
        </Title>
        {current.status === 'done' ? (
          current.result.codeSet === null ? <Text size="sm">No code set is loaded.</Text> : <CodeSetSummary codeSet={current.result.codeSet} timeZone={timeZone} />
        ) : (
          <Loader size="sm" aria-label="Loading the code set" />
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={2} size="h4">
          Import a code file
        </Title>
        <CodeFileImport onImported={current.reload} />
      </Stack>
      <Stack gap="xs" maw={640}>
        <Title order={2} size="h4">
          Try the search
        </Title>
        <DiagnosisPicker label="Look up a code" description="As doctors pick a diagnosis: words of the title in any order, or the code." onPick={setTried} allowHeaders />
        {tried !== null && (
          <Text size="sm" aria-live="polite">
            Chosen: <strong>{tried.code}</strong> {tried.title}
            {tried.billable ? '' : ' (a category: diagnoses are recorded with a code below it)'}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}

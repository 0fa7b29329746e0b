import { Alert, Button, Group, Kbd, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { NoteDraft, SignedNote } from '#shared/modules/consultation/calls.ts';
import { soapFields, soapLabels } from '#shared/modules/consultation/encounter.ts';
import { useCall } from '../../api/use-call.ts';
import { formatTime } from '../../format/time.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';
import { DiagnosisEditor } from './DiagnosisEditor.tsx';
import { SaveTemplatePopover } from './SaveTemplatePopover.tsx';
import { SignedNoteView } from './SignedNoteView.tsx';
import type { DraftContent, SaveState } from './use-draft-autosave.ts';

export const PREVIOUS_NOTE_SHORTCUT = 'Alt+P';

function SaveStatus({ state }: { state: SaveState }) {
  const timeZone = useClinicZone();
  const words =
    state.kind === 'saved' ? `Draft saved at ${formatTime(state.at, timeZone)}` : state.kind === 'saving' ? 'Saving the draft…' : state.kind === 'unsaved' ? 'Changes not saved yet' : state.kind === 'empty' ? 'Nothing written yet' : `Draft not saved: ${state.message}`;
  return (
    <Text size="xs" role="status" c={state.kind === 'failed' ? 'red.8' : undefined}>
      {words}
    </Text>
  );
}

/** Another workstation's draft written at the same time: both kept until the doctor chooses. */
function DivergentDraft({ other, onSettle }: { other: NoteDraft; onSettle: (keep: 'mine' | 'theirs') => void }) {
  return (
    <Alert color="orange" role="alert" title={`This note was also changed on ${other.deviceName}`}>
      <Stack gap={4}>
        <Text size="sm">Both versions are kept. Choose which one to continue before signing.</Text>
        {soapFields
          .filter((field) => other[field] !== '')
          .map((field) => (
            <Text key={field} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <strong>{soapLabels[field]} there:</strong> {other[field]}
            </Text>
          ))}
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => onSettle('mine')}>
            Keep mine
          </Button>
          <Button size="xs" onClick={() => onSettle('theirs')}>
            Use theirs
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

type Props = {
  readonly content: DraftContent;
  readonly onChange: (next: DraftContent) => void;
  readonly saveState: SaveState;
  readonly divergent: readonly NoteDraft[];
  readonly onSettle: (other: NoteDraft, keep: 'mine' | 'theirs') => void;
  readonly previousNote: SignedNote | null;
};

/**
 * The SOAP note being written: subjective, objective, assessment, plan, and the diagnoses. A
 * template fills the empty parts; the previous encounter's note is one key away.
 */
export function NoteEditor({ content, onChange, saveState, divergent, onSettle, previousNote }: Props) {
  const templates = useCall('consultation.templates', {});
  const [showPrevious, setShowPrevious] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.altKey && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        setShowPrevious((shown) => !shown);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const templateList = templates.status === 'done' ? templates.result.templates : [];
  const applyTemplate = (id: string | null): void => {
    const template = templateList.find((candidate) => candidate.id === id);
    if (template === undefined) return;
    const filled = { ...content };
    for (const field of soapFields) if (filled[field].trim() === '') filled[field] = template[field];
    onChange(filled);
  };
  return (
    <Stack gap="xs" component="section" aria-label="Note">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4">
          Note
        </Title>
        <Group gap="xs" wrap="wrap">
          <SaveStatus state={saveState} />
          {templateList.length > 0 && (
            <Select size="xs" w={200} aria-label="Start from a template" placeholder="Start from a template" value={null} onChange={applyTemplate} data={templateList.map((template) => ({ value: template.id, label: `${template.name}${template.scope === 'CLINIC' ? ' (clinic)' : ''}` }))} />
          )}
          <SaveTemplatePopover note={{ subjective: content.subjective, objective: content.objective, assessment: content.assessment, plan: content.plan }} />
          <Button size="xs" variant="default" onClick={() => setShowPrevious((shown) => !shown)} aria-keyshortcuts={PREVIOUS_NOTE_SHORTCUT} aria-expanded={showPrevious} disabled={previousNote === null}>
            {previousNote === null ? 'No previous note' : showPrevious ? 'Hide previous note' : 'Previous note'} <Kbd ml={6}>Alt P</Kbd>
          </Button>
        </Group>
      </Group>
      {divergent.map((other) => (
        <DivergentDraft key={other.id} other={other} onSettle={(keep) => onSettle(other, keep)} />
      ))}
      {showPrevious && previousNote !== null && (
        <Paper bg="gray.0" p={4} aria-label="Previous note">
          <SignedNoteView note={previousNote} />
        </Paper>
      )}
      <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
        {soapFields.map((field) => (
          <Textarea key={field} label={soapLabels[field]} value={content[field]} onChange={(event) => onChange({ ...content, [field]: event.currentTarget.value })} autosize minRows={2} maxRows={8} />
        ))}
      </SimpleGrid>
      <Title order={3} size="h5">
        Diagnoses
      </Title>
      <DiagnosisEditor diagnoses={content.diagnoses} onChange={(diagnoses) => onChange({ ...content, diagnoses })} />
    </Stack>
  );
}

import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { SignedNote } from '#shared/modules/consultation/calls.ts';
import { soapFields, soapLabels, type DiagnosisInput, type SoapNote } from '#shared/modules/consultation/encounter.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { DiagnosisEditor } from './DiagnosisEditor.tsx';
import { SignedNoteView } from './SignedNoteView.tsx';

/** A correction of a signed note: the original stays as it is, shown above; the amendment says why. */
export function AmendModal({ note, onClose }: { note: SignedNote; onClose: () => void }) {
  const [text, setText] = useState<SoapNote>({ subjective: '', objective: '', assessment: '', plan: '' });
  const [diagnoses, setDiagnoses] = useState<DiagnosisInput[]>([]);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (): Promise<void> => {
    setSaving(true);
    try {
      await api.call('consultation.amend', { noteId: note.id, reason, ...text, diagnoses: diagnoses.map((diagnosis) => ({ ...diagnosis, rank: 'SECONDARY' as const })) });
      onClose();
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title="Amend the signed note" size="xl">
      <Stack gap="xs">
        <SignedNoteView note={note} />
        <FormAlert message={failure} />
        <Textarea label="Reason for the amendment" required data-autofocus value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={1} />
        {soapFields.map((field) => (
          <Textarea key={field} label={`${soapLabels[field]} (correction)`} value={text[field]} onChange={(event) => setText({ ...text, [field]: event.currentTarget.value })} autosize minRows={1} maxRows={4} />
        ))}
        <DiagnosisEditor diagnoses={diagnoses} onChange={setDiagnoses} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void submit()} loading={saving} disabled={reason.trim() === ''}>
            Sign the amendment
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

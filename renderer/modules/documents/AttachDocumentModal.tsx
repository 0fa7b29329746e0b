import { Button, FileInput, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { DOCUMENT_MAX_BYTES, documentTypeLabels, documentTypes, fileSize, type DocumentType } from '#shared/modules/documents/index.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { useClinicToday } from '../../state/clinic-hooks.ts';
import { base64Of, fileProblem, mimeTypeOf, titleFromFileName } from './file-reading.ts';

const typeOptions = documentTypes.map((type) => ({ value: type, label: documentTypeLabels[type] }));

/** Attaches a file to the patient's chart, or to this encounter when one is given. */
export function AttachDocumentModal({ patientId, encounterId, onClose, onAttached }: { patientId: string; encounterId: string | null; onClose: () => void; onAttached: () => void }) {
  const today = useClinicToday();
  const [file, setFile] = useState<File | null>(null);
  const [type, setType] = useState<DocumentType | null>(null);
  const [documentDate, setDocumentDate] = useState(today);
  const [title, setTitle] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const problem = file === null ? null : fileProblem(file);

  const choose = (chosen: File | null): void => {
    setFile(chosen);
    setFailure(null);
    if (chosen !== null && title.trim() === '') setTitle(titleFromFileName(chosen.name));
    if (chosen !== null && type === null && chosen.type.startsWith('image/')) setType('PHOTO');
  };

  const submit = async (): Promise<void> => {
    const mimeType = file === null ? null : mimeTypeOf(file);
    if (file === null || mimeType === null || type === null || problem !== null) return;
    setSaving(true);
    try {
      await api.call('documents.attach', { patientId, encounterId, type, documentDate, title, fileName: file.name, mimeType, contentBase64: await base64Of(file) });
      onAttached();
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={encounterId === null ? 'Attach a document' : 'Attach a document to this encounter'} size="lg">
      <Stack
        gap="xs"
        component="form"
        aria-label="Attach a document"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <FormAlert message={failure} />
        <FileInput
          label="File"
          description={`PDF, JPEG, PNG or WebP, up to ${fileSize(DOCUMENT_MAX_BYTES)}`}
          accept="application/pdf,image/jpeg,image/png,image/webp"
          required
          clearable
          data-autofocus
          value={file}
          onChange={choose}
          error={problem}
        />
        <Select label="Type" placeholder="What kind of document" required data={typeOptions} value={type} onChange={(value) => setType(documentTypes.find((known) => known === value) ?? null)} allowDeselect={false} />
        <TextInput label="Document date" description="The date the document bears" type="date" required value={documentDate} max={today} onChange={(event) => setDocumentDate(event.currentTarget.value)} />
        <TextInput label="Title" required maxLength={200} value={title} onChange={(event) => setTitle(event.currentTarget.value)} />
        {file !== null && problem === null && (
          <Text size="sm">
            {file.name}, {fileSize(file.size)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saving} disabled={file === null || problem !== null || type === null || title.trim() === '' || documentDate === ''}>
            Attach
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

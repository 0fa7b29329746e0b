import { Button, Group, Loader, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { DocumentView } from '#shared/modules/documents/index.ts';
import { useCall } from '../../api/use-call.ts';
import { Refusal } from '../../components/Refusal.tsx';
import { AttachDocumentModal } from './AttachDocumentModal.tsx';
import { DocumentTable } from './DocumentTable.tsx';
import { DocumentViewerModal } from './DocumentViewerModal.tsx';

/**
 * The patient's documents with a way to attach one: in the chart (every document), or on the
 * encounter screen (those of this encounter, and a new one attached to it).
 */
export function DocumentsPanel({ patientId, encounterId, heading }: { patientId: string; encounterId: string | null; heading: string }) {
  const listed = useCall('documents.ofPatient', { patientId });
  const [attaching, setAttaching] = useState(false);
  const [viewing, setViewing] = useState<DocumentView | null>(null);
  const documents = listed.status === 'done' ? listed.result.documents.filter((document) => encounterId === null || document.encounterId === encounterId) : [];
  return (
    <Paper withBorder p="xs" component="section" aria-label={heading}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {heading}
          </Title>
          <Button size="xs" variant="light" onClick={() => setAttaching(true)}>
            Attach a document
          </Button>
        </Group>
        {listed.status === 'failed' && <Refusal what="the documents" reason={listed.error.message} />}
        {listed.status === 'loading' && <Loader size="sm" aria-label="Loading the documents" />}
        {listed.status === 'done' && <DocumentTable label={heading} documents={documents} onView={setViewing} />}
      </Stack>
      {attaching && (
        <AttachDocumentModal
          patientId={patientId}
          encounterId={encounterId}
          onClose={() => setAttaching(false)}
          onAttached={() => {
            setAttaching(false);
            listed.reload();
            notifications.show({ color: 'teal', title: 'Attached', message: 'The document is in the chart.' });
          }}
        />
      )}
      {viewing !== null && <DocumentViewerModal document={viewing} onClose={() => setViewing(null)} />}
    </Paper>
  );
}

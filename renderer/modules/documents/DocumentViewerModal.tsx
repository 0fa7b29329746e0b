import { Alert, Anchor, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { documentTypeLabels, type DocumentView } from '#shared/modules/documents/index.ts';
import { api } from '../../api/api.ts';
import { formatDate } from '../../format/time.ts';
import { messageOf } from '../../forms/schema-form.ts';
import { bytesFromBase64 } from './file-reading.ts';

type Shown = { readonly status: 'loading' } | { readonly status: 'failed'; readonly message: string } | { readonly status: 'shown'; readonly url: string };

/**
 * Shows a document: a PDF in a frame, an image inline, from a blob URL made of the bytes the core
 * returned (fetched from the hub first when this workstation did not have them). The URL is let go
 * on closing, so the bytes do not stay in memory.
 */
export function DocumentViewerModal({ document, onClose }: { document: DocumentView; onClose: () => void }) {
  const [shown, setShown] = useState<Shown>({ status: 'loading' });
  useEffect(() => {
    let url: string | null = null;
    let current = true;
    api.call('documents.open', { documentId: document.id }).then(
      (opened) => {
        if (!current) return;
        url = URL.createObjectURL(new Blob([bytesFromBase64(opened.contentBase64)], { type: opened.document.mimeType }));
        setShown({ status: 'shown', url });
      },
      (error: unknown) => current && setShown({ status: 'failed', message: messageOf(error) }),
    );
    return () => {
      current = false;
      if (url !== null) URL.revokeObjectURL(url);
    };
  }, [document.id]);

  const title = `${documentTypeLabels[document.type]}: ${document.title}`;
  return (
    <Modal opened onClose={onClose} title={title} size="90%">
      <Stack gap="xs">
        <Text size="sm">
          Dated {formatDate(document.documentDate)} · {document.fileName}
          {document.availableHere ? '' : ' · fetched from the hub'}
        </Text>
        {shown.status === 'loading' && <Loader aria-label={document.availableHere ? 'Opening the document' : 'Fetching the document from the hub'} />}
        {shown.status === 'failed' && (
          <Alert color="orange" role="alert" title="The document cannot be shown">
            {shown.message}
          </Alert>
        )}
        {shown.status === 'shown' &&
          (document.mimeType === 'application/pdf' ? (
            <iframe title={document.title} src={shown.url} style={{ width: '100%', height: '65vh', border: '1px solid var(--mantine-color-gray-4)' }} />
          ) : (
            <img alt={document.title} src={shown.url} style={{ maxWidth: '100%', maxHeight: '65vh', objectFit: 'contain', alignSelf: 'center' }} />
          ))}
        {shown.status === 'shown' && (
          <Group justify="flex-end">
            <Anchor href={shown.url} download={document.fileName} size="sm">
              Save a copy
            </Anchor>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}

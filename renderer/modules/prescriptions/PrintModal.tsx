import { Alert, Anchor, Button, Group, Loader, Modal, SegmentedControl, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { printPageSizes, type PrintPageSize } from '#shared/modules/prescriptions/index.ts';
import { api } from '../../api/api.ts';
import { messageOf } from '../../forms/schema-form.ts';

type Printed = { url: string; fileName: string };

function pdfUrlOf(pdfBase64: string): string {
  const bytes = Uint8Array.from(atob(pdfBase64), (char) => char.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/**
 * The prescription as the core prints it (A5 or A4 PDF, with its QR code), opened here to print
 * or save: a new window is not an option inside the desktop app.
 */
export function PrintModal({ encounterId, reference, onClose }: { encounterId: string; reference: string; onClose: () => void }) {
  const [pageSize, setPageSize] = useState<PrintPageSize>('A5');
  const [printed, setPrinted] = useState<Printed | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    let current = true;
    let url: string | null = null;
    setPrinted(null);
    setFailure(null);
    api.call('prescriptions.print', { encounterId, pageSize }).then(
      (result) => {
        url = pdfUrlOf(result.pdfBase64);
        if (current) setPrinted({ url, fileName: result.fileName });
        else URL.revokeObjectURL(url);
      },
      (error: unknown) => current && setFailure(messageOf(error)),
    );
    return () => {
      current = false;
      if (url !== null) URL.revokeObjectURL(url);
    };
  }, [encounterId, pageSize]);
  return (
    <Modal opened onClose={onClose} title={`Print prescription ${reference}`} size="xl">
      <Stack gap="xs">
        <Group justify="space-between">
          <SegmentedControl aria-label="Paper size" value={pageSize} onChange={(value) => setPageSize(printPageSizes.find((size) => size === value) ?? 'A5')} data={[...printPageSizes]} />
          <Group gap="xs">
            {printed !== null && (
              <Anchor href={printed.url} download={printed.fileName} size="sm">
                Save PDF
              </Anchor>
            )}
            <Button size="xs" onClick={() => frame.current?.contentWindow?.print()} disabled={printed === null}>
              Print
            </Button>
          </Group>
        </Group>
        {failure !== null && (
          <Alert color="red" role="alert" title="Not printed">
            {failure}
          </Alert>
        )}
        {printed === null && failure === null && <Loader size="sm" aria-label="Making the PDF" />}
        {printed !== null && <iframe ref={frame} src={printed.url} title={`Prescription ${reference}, ${pageSize} PDF`} style={{ width: '100%', height: '55vh', border: '1px solid var(--mantine-color-gray-4)' }} />}
      </Stack>
    </Modal>
  );
}

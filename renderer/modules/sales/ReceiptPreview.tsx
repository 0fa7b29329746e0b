import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReceiptPaper } from '#shared/modules/sales/calls.ts';
import { api } from '../../api/api.ts';
import { messageOf } from '../../forms/schema-form.ts';
import { pdfUrlOf } from './open-receipt.ts';

type Loaded = { readonly paper: ReceiptPaper; readonly url: string; readonly fileName: string };

const paperLabels: Readonly<Record<ReceiptPaper, string>> = { ROLL_80MM: '80 mm roll', A4: 'A4' };

/** A sale's or a return's receipt as the core prints it, shown in the page to print or save. */
export function ReceiptPreview({ receiptNumber, autoPaper }: { receiptNumber: string; autoPaper: ReceiptPaper | null }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);

  const load = useCallback(
    (paper: ReceiptPaper) => {
      setFailure(null);
      api.call('sales.receipt', { receiptNumber, paper }).then(
        (printed) => setLoaded({ paper, url: pdfUrlOf(printed.pdfBase64), fileName: printed.fileName }),
        (error: unknown) => setFailure(messageOf(error)),
      );
    },
    [receiptNumber],
  );

  // The 80 mm receipt comes up by itself after a sale, ready for the printer.
  useEffect(() => {
    if (autoPaper !== null) load(autoPaper);
  }, [autoPaper, load]);
  useEffect(
    () => () => {
      if (loaded !== null) URL.revokeObjectURL(loaded.url);
    },
    [loaded],
  );

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button size="compact-sm" variant="default" onClick={() => load('ROLL_80MM')}>
          Receipt on 80 mm roll
        </Button>
        <Button size="compact-sm" variant="default" onClick={() => load('A4')}>
          Receipt on A4
        </Button>
        {loaded !== null && (
          <>
            <Button size="compact-sm" onClick={() => frame.current?.contentWindow?.print()}>
              Print
            </Button>
            <Anchor href={loaded.url} download={loaded.fileName} size="sm">
              Save {loaded.fileName}
            </Anchor>
          </>
        )}
      </Group>
      {failure !== null && (
        <Alert color="red" role="alert" title="No receipt">
          {failure}
        </Alert>
      )}
      {loaded !== null && (
        <>
          <Text size="xs" c="dimmed">
            Receipt {receiptNumber} on {paperLabels[loaded.paper]}
          </Text>
          <iframe ref={frame} src={loaded.url} title={`Receipt ${receiptNumber} (${paperLabels[loaded.paper]})`} data-receipt={receiptNumber} style={{ width: '100%', height: 360, border: '1px solid var(--mantine-color-gray-4)' }} />
        </>
      )}
    </Stack>
  );
}

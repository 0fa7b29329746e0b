import { Button, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { formatDate } from '../../format/time.ts';
import { FormAlert } from '../../components/FormAlert.tsx';

/** The count sheet: what the ledger expects per batch, the packs counted, and the differences posted. */
export function CountPanel() {
  const sheet = useCall('stock.count.sheet', {});
  const [counted, setCounted] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('Stock count');
  const [failure, setFailure] = useState<string | null>(null);
  if (sheet.status !== 'done') return sheet.status === 'failed' ? <Text c="red.8">{sheet.error.message}</Text> : <Loader size="sm" />;
  const lines = sheet.result.lines;
  const entered = lines.filter((line) => (counted[line.batchId] ?? '').trim() !== '');
  const post = async () => {
    setFailure(null);
    const bad = entered.find((line) => !/^\d+$/.test((counted[line.batchId] ?? '').trim()));
    if (bad !== undefined) {
      setFailure(`Packs counted for lot ${bad.lot} must be a whole number.`);
      return;
    }
    try {
      const result = await api.call('stock.count.post', { reason, lines: entered.map((line) => ({ batchId: line.batchId, expected: line.onHand, counted: Number(counted[line.batchId]) })) });
      notifications.show({ color: 'green', message: `Count posted: ${String(result.adjusted)} batches adjusted.` });
      setCounted({});
      sheet.reload();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <TextInput label="Reason for the count" value={reason} onChange={(event) => setReason(event.currentTarget.value)} w={360} />
        <Button variant="default" onClick={() => window.print()}>
          Print count sheet
        </Button>
      </Group>
      {lines.length === 0 ? (
        <Text>Nothing on hand to count.</Text>
      ) : (
        <Table striped withTableBorder aria-label="Count sheet">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Product</Table.Th>
              <Table.Th>Lot</Table.Th>
              <Table.Th>Expiry</Table.Th>
              <Table.Th>Expected</Table.Th>
              <Table.Th>Counted</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={line.batchId}>
                <Table.Td>{line.productLabel}</Table.Td>
                <Table.Td>{line.lot}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{line.expiryDate === null ? '—' : formatDate(line.expiryDate)}</Table.Td>
                <Table.Td>{line.onHand}</Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Packs counted of lot ${line.lot}, ${line.productLabel}`}
                    inputMode="numeric"
                    size="xs"
                    w={90}
                    value={counted[line.batchId] ?? ''}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      setCounted((current) => ({ ...current, [line.batchId]: value }));
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <FormAlert message={failure} />
      <Group>
        <Button onClick={() => void post()} disabled={entered.length === 0 || reason.trim() === ''}>
          Post differences ({entered.length} counted)
        </Button>
      </Group>
    </Stack>
  );
}

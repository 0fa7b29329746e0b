import { Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { textFromMinorUnits } from '#shared/money/amount-text.ts';
import { useCall } from '../../api/use-call.ts';
import { formatDate } from '../../format/time.ts';

/** Every batch with packs on hand (or below zero after two counters oversold it), by product. */
export function BatchesPanel() {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const batches = useCall('stock.batches.list', { query: debounced, includeEmpty: false, limit: 200 });
  return (
    <Stack>
      <TextInput label="Find a product or lot" value={query} onChange={(event) => setQuery(event.currentTarget.value)} w={360} />
      {batches.status === 'done' ? (
        batches.result.batches.length === 0 ? (
          <Text>No stock{debounced === '' ? ' yet: receive goods to start.' : ' matches.'}</Text>
        ) : (
          <Table striped withTableBorder aria-label="Batches on hand">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Product</Table.Th>
                <Table.Th>Lot</Table.Th>
                <Table.Th>Expiry</Table.Th>
                <Table.Th>On hand</Table.Th>
                <Table.Th>Cost</Table.Th>
                <Table.Th>Supplier</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batches.result.batches.map((batch) => (
                <Table.Tr key={batch.batchId}>
                  <Table.Td>{batch.productLabel}</Table.Td>
                  <Table.Td>{batch.lot}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{batch.expiryDate === null ? '—' : formatDate(batch.expiryDate)}</Table.Td>
                  <Table.Td>{batch.onHand}</Table.Td>
                  <Table.Td>{textFromMinorUnits(batch.costPriceMinor)}</Table.Td>
                  <Table.Td>{batch.supplierName ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      ) : batches.status === 'failed' ? (
        <Text c="red.8">{batches.error.message}</Text>
      ) : (
        <Loader size="sm" />
      )}
    </Stack>
  );
}

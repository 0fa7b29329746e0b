import { Button, Group, Loader, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { registerEntryKindLabels, type RegisterEntry } from '#shared/modules/dispensing/index.ts';
import { useCall } from '../../api/use-call.ts';
import { formatDateTime } from '../../format/time.ts';
import { useAppStore } from '../../state/store.ts';
import { downloadText, toCsv } from '../stock/index.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function csvOf(entries: readonly RegisterEntry[], timeZone: string): string {
  return toCsv(
    ['Date and time', 'Entry', 'Product', 'Lot', 'Packs', 'To whom', 'Prescription', 'Receipt', 'By', 'Workstation'],
    entries.map((entry) => [formatDateTime(entry.occurredAt, timeZone), registerEntryKindLabels[entry.kind], entry.productLabel, entry.lot, entry.quantity, entry.recipient, entry.prescriptionReference, entry.documentReference, entry.userName, entry.deviceName]),
  );
}

/** Every supply of a controlled medicine at this clinic, newest first: who, to whom, what, which batch, when. */
export function ControlledRegisterTab() {
  const timeZone = useAppStore((state) => state.session?.activeClinic?.timeZone ?? 'UTC');
  const [productId, setProductId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const register = useCall('dispensing.controlledRegister', { productId: productId === '' ? null : productId, from: DATE.test(from) ? from : null, to: DATE.test(to) ? to : null });
  const products = register.status === 'done' ? register.result.products : [];
  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <NativeSelect label="Product" value={productId} onChange={(event) => setProductId(event.currentTarget.value)} data={[{ value: '', label: 'All controlled products' }, ...products.map((product) => ({ value: product.id, label: product.label }))]} w={280} />
        <TextInput label="From (YYYY-MM-DD)" value={from} onChange={(event) => setFrom(event.currentTarget.value)} error={from !== '' && !DATE.test(from) ? 'A date is YYYY-MM-DD' : undefined} w={170} />
        <TextInput label="To (YYYY-MM-DD)" value={to} onChange={(event) => setTo(event.currentTarget.value)} error={to !== '' && !DATE.test(to) ? 'A date is YYYY-MM-DD' : undefined} w={170} />
        <Button variant="default" disabled={register.status !== 'done' || register.result.entries.length === 0} onClick={() => register.status === 'done' && downloadText(`controlled-register-${from === '' ? 'all' : from}.csv`, csvOf(register.result.entries, timeZone))}>
          Export register (CSV)
        </Button>
      </Group>
      {register.status === 'failed' && <Text c="red.8">{register.error.message}</Text>}
      {register.status !== 'done' && register.status !== 'failed' && <Loader size="sm" />}
      {register.status === 'done' &&
        (register.result.entries.length === 0 ? (
          <Text>No controlled medicine was supplied in this period.</Text>
        ) : (
          <Table striped withTableBorder aria-label="Controlled drugs register">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Entry</Table.Th>
                <Table.Th>Product</Table.Th>
                <Table.Th>Lot</Table.Th>
                <Table.Th>Packs</Table.Th>
                <Table.Th>To whom</Table.Th>
                <Table.Th>Prescription or receipt</Table.Th>
                <Table.Th>By</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {register.result.entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.occurredAt, timeZone)}</Table.Td>
                  <Table.Td>{registerEntryKindLabels[entry.kind]}</Table.Td>
                  <Table.Td>{entry.productLabel}</Table.Td>
                  <Table.Td>{entry.lot}</Table.Td>
                  <Table.Td>{entry.quantity}</Table.Td>
                  <Table.Td>{entry.recipient === '' ? 'Counter customer' : entry.recipient}</Table.Td>
                  <Table.Td>{entry.prescriptionReference === '' ? entry.documentReference : entry.prescriptionReference}</Table.Td>
                  <Table.Td>{entry.userName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
      {register.status === 'done' && register.result.truncated && <Text size="sm">Only the newest 2,000 entries are shown: narrow the dates to see older ones.</Text>}
    </Stack>
  );
}

import { Badge, Checkbox, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import type { DispenseLine } from '#shared/modules/dispensing/index.ts';
import type { Draft, LineDraft } from './dispense-draft.ts';

function batchLabel(batch: DispenseLine['batches'][number]): string {
  const expiry = batch.expiryDate === null ? 'no expiry' : batch.expiryDate;
  return `${batch.lot} · ${expiry} · ${String(batch.onHand)} left${batch.expired ? ' · EXPIRED' : ''}`;
}

/** The prescribed medicines with what was handed over, what remains, the batch and the packs to hand over now. */
export function DispenseLinesTable({ lines, draft, onChange }: { lines: readonly DispenseLine[]; draft: Draft; onChange: (lineId: string, change: Partial<LineDraft>) => void }) {
  return (
    <Table withTableBorder striped aria-label="Prescribed medicines">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Medicine</Table.Th>
          <Table.Th>Prescribed</Table.Th>
          <Table.Th>Dispensed</Table.Th>
          <Table.Th>Remaining</Table.Th>
          <Table.Th>Batch</Table.Th>
          <Table.Th>Hand over</Table.Th>
          <Table.Th>Checked</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line) => {
          const entry = draft[line.id];
          const open = line.remaining > 0;
          return (
            <Table.Tr key={line.id}>
              <Table.Td>
                <Stack gap={2}>
                  <Text fw={600} size="sm">
                    {line.productLabel} {line.controlled && <Badge color="grape.9" variant="light">Controlled</Badge>}
                  </Text>
                  <Text size="xs">{line.directions}</Text>
                  {line.instructions !== '' && <Text size="xs" fs="italic">{line.instructions}</Text>}
                  {open && line.shortBy > 0 && (
                    <Text size="xs" c="red.8">
                      {line.shortBy} of the remainder not in stock.
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>{line.prescribed}</Table.Td>
              <Table.Td>{line.dispensed}</Table.Td>
              <Table.Td>{line.remaining}</Table.Td>
              <Table.Td>
                {open ? (
                  line.batches.length === 0 ? (
                    <Text size="sm">None in stock</Text>
                  ) : (
                    <NativeSelect aria-label={`Batch of ${line.productLabel}`} size="xs" miw={170} value={entry?.batchId ?? ''} onChange={(event) => onChange(line.id, { batchId: event.currentTarget.value })} data={line.batches.map((batch) => ({ value: batch.batchId, label: batchLabel(batch) }))} />
                  )
                ) : (
                  <Text size="sm">Dispensed in full</Text>
                )}
              </Table.Td>
              <Table.Td>
                {open && <TextInput aria-label={`Packs of ${line.productLabel} to hand over`} size="xs" w={64} inputMode="numeric" value={entry?.quantity ?? ''} onChange={(event) => onChange(line.id, { quantity: event.currentTarget.value })} />}
              </Table.Td>
              <Table.Td>{open && <Checkbox aria-label={`Pack of ${line.productLabel} checked`} checked={entry?.checked ?? false} onChange={(event) => onChange(line.id, { checked: event.currentTarget.checked })} />}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

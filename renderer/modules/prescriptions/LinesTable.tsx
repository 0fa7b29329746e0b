import { Button, Group, Table, Text } from '@mantine/core';
import { lineInWords, type PrescriptionLine } from '#shared/modules/prescriptions/index.ts';

type Props = {
  lines: readonly PrescriptionLine[];
  label: string;
  /** Given while the prescription may change: the row's buttons. */
  actions?: { onEdit: (line: PrescriptionLine) => void; onRemove: (line: PrescriptionLine) => void; busy: boolean } | undefined;
};

/** A prescription's medicines as the patient will read them, with the overrides the doctor gave. */
export function LinesTable({ lines, label, actions }: Props) {
  return (
    <Table aria-label={label} withTableBorder verticalSpacing={4} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">Medicine</Table.Th>
          <Table.Th>How to take it</Table.Th>
          <Table.Th w={90}>Supply</Table.Th>
          {actions !== undefined && <Table.Th w={150}>Actions</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line) => (
          <Table.Tr key={line.id}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {line.productLabel}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{lineInWords(line)}</Text>
              {line.instructions !== '' && <Text size="sm" fs="italic">{line.instructions}</Text>}
              {line.overrides.map((override) => (
                <Text key={override.alertId} size="xs" c="red.9">
                  Overridden {override.kind.toLowerCase().replaceAll('_', ' ')} alert: {override.reason}
                </Text>
              ))}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{line.quantity === null ? '—' : String(line.quantity)}</Text>
              {line.refills > 0 && <Text size="xs">{line.refills} refill{line.refills === 1 ? '' : 's'}</Text>}
            </Table.Td>
            {actions !== undefined && (
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="subtle" onClick={() => actions.onEdit(line)} aria-label={`Change ${line.productLabel}`} disabled={actions.busy}>
                    Change
                  </Button>
                  <Button size="compact-xs" variant="subtle" color="red.9" onClick={() => actions.onRemove(line)} aria-label={`Remove ${line.productLabel}`} disabled={actions.busy}>
                    Remove
                  </Button>
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

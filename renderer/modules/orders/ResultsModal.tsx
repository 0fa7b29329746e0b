import { Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { computedFlag, rangeFor, resultFlagLabels, resultFlags, type CatalogueTest, type Order, type ResultFlag } from '#shared/modules/orders/index.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useCallForm } from '../../forms/use-call-form.ts';
import { flagWords } from './flag-words.ts';

type Row = { componentCode: string; name: string; value: string; unit: string; rangeLow: string; rangeHigh: string; flag: ResultFlag | 'COMPUTED'; normalText: string | null; valueKind: 'NUMBER' | 'TEXT' };

/** Each item of the test, filled from the result entered before or the catalogue's range for this patient. */
function rowsOf(order: Order, test: CatalogueTest, patientSex: string): Row[] {
  return test.components.map((component) => {
    const held = order.results.find((result) => result.componentCode === component.code);
    const range = rangeFor(component, patientSex);
    return {
      componentCode: component.code,
      name: component.name,
      value: held?.value ?? '',
      unit: held?.unit ?? component.unit,
      rangeLow: held?.rangeLow ?? range?.low ?? '',
      rangeHigh: held?.rangeHigh ?? range?.high ?? '',
      flag: held?.flaggedByHand === true && held.flag !== null ? held.flag : 'COMPUTED',
      normalText: component.normalText,
      valueKind: component.valueKind,
    };
  });
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

function flagOf(row: Row): ResultFlag | null {
  return row.flag === 'COMPUTED' ? computedFlag(row.value, { low: orNull(row.rangeLow), high: orNull(row.rangeHigh), normalText: row.normalText }) : row.flag;
}

const flagChoices = [{ value: 'COMPUTED', label: 'From the range' }, ...resultFlags.map((flag) => ({ value: flag, label: resultFlagLabels[flag] }))];

/** Type the result of an order item by item; an empty item is left as it was. */
export function ResultsModal({ order, test, patientSex, onClose, onSaved }: { order: Order; test: CatalogueTest; patientSex: string; onClose: () => void; onSaved: () => void }) {
  const [rows, setRows] = useState(() => rowsOf(order, test, patientSex));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { failure, run } = useCallForm(setErrors);
  const [saving, setSaving] = useState(false);
  const change = (index: number, patch: Partial<Row>): void => setRows((current) => current.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const typed = rows.filter((row) => row.value.trim() !== '');

  const save = async (): Promise<void> => {
    setErrors({});
    setSaving(true);
    const results = typed.map((row) => ({ componentCode: row.componentCode, value: row.value, unit: row.unit, rangeLow: orNull(row.rangeLow), rangeHigh: orNull(row.rangeHigh), flag: row.flag === 'COMPUTED' ? null : row.flag }));
    const saved = await run(() => api.call('orders.recordResults', { orderId: order.id, results }));
    setSaving(false);
    if (saved) onSaved();
  };

  return (
    <Modal opened onClose={onClose} title={`Results of ${order.testName}`} size="80rem">
      <form
        aria-label={`Results of ${order.testName}`}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="xs">
          <FormAlert message={failure ?? errors['results'] ?? null} />
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Unit</Table.Th>
                <Table.Th>Range from</Table.Th>
                <Table.Th>Range to</Table.Th>
                <Table.Th>Flag</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => {
                const flag = flagOf(row);
                const prefix = `results.${String(typed.indexOf(row))}`;
                return (
                  <Table.Tr key={row.componentCode}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {row.name}
                      </Text>
                      {row.value.trim() !== '' && flag !== null && flag !== 'NORMAL' && (
                        <Text size="xs" c="red.8" fw={700}>
                          {flagWords(flag)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <TextInput aria-label={`${row.name}: result`} value={row.value} onChange={(event) => change(index, { value: event.currentTarget.value })} placeholder={row.normalText ?? undefined} error={errors[`${prefix}.value`]} w={row.valueKind === 'TEXT' ? '16rem' : '7rem'} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput aria-label={`${row.name}: unit`} value={row.unit} onChange={(event) => change(index, { unit: event.currentTarget.value })} error={errors[`${prefix}.unit`]} w="6.5rem" />
                    </Table.Td>
                    <Table.Td>
                      <TextInput aria-label={`${row.name}: range from`} value={row.rangeLow} onChange={(event) => change(index, { rangeLow: event.currentTarget.value })} error={errors[`${prefix}.rangeLow`]} w="5.5rem" disabled={row.valueKind === 'TEXT'} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput aria-label={`${row.name}: range to`} value={row.rangeHigh} onChange={(event) => change(index, { rangeHigh: event.currentTarget.value })} error={errors[`${prefix}.rangeHigh`]} w="5.5rem" disabled={row.valueKind === 'TEXT'} />
                    </Table.Td>
                    <Table.Td>
                      <Select aria-label={`${row.name}: flag`} data={flagChoices} value={row.flag} onChange={(value) => value !== null && change(index, { flag: value as Row['flag'] })} allowDeselect={false} w="10rem" comboboxProps={{ withinPortal: false }} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button type="submit" loading={saving} disabled={typed.length === 0}>
              Save results
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

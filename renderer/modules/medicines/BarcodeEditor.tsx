import { Button, Group, SegmentedControl, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { checkGtin } from '#shared/modules/medicines/gtin.ts';
import type { BarcodeKind, Product } from '#shared/modules/medicines/product.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useCallForm } from '../../forms/use-call-form.ts';

/** A product's codes: GTINs from the pack (checked as typed) and the clinic's own. */
export function BarcodeEditor({ product, editable, onChanged }: { product: Product; editable: boolean; onChanged: (product: Product) => void }) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { kind: 'GTIN' as BarcodeKind, code: '' },
    validate: { code: (code, values) => (code.trim() === '' ? 'Type the code' : values.kind === 'GTIN' ? ((): string | null => { const checked = checkGtin(code); return checked.valid ? null : checked.message; })() : null) },
  });
  const { failure, run } = useCallForm(form.setErrors);
  const add = form.onSubmit(async (values) => {
    const saved: { product: Product | null } = { product: null };
    if (await run(async () => (saved.product = (await api.call('medicines.addBarcode', { productId: product.id, kind: values.kind, code: values.code })).product))) {
      form.setFieldValue('code', '');
      if (saved.product !== null) onChanged(saved.product);
    }
  });
  const remove = async (barcodeId: string, code: string) => {
    try {
      onChanged(await api.call('medicines.removeBarcode', { barcodeId }));
      notifications.show({ color: 'green', message: `${code} removed.` });
    } catch (error) {
      notifications.show({ color: 'red', message: error instanceof Error ? error.message : 'The code was not removed.' });
    }
  };
  return (
    <Stack gap="xs">
      {product.barcodes.length === 0 ? (
        <Text size="sm" c="dimmed">
          No codes yet.
        </Text>
      ) : (
        <Table aria-label="Codes" withRowBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code</Table.Th>
              <Table.Th>Kind</Table.Th>
              {editable && (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {product.barcodes.map((barcode) => (
              <Table.Tr key={barcode.id}>
                <Table.Td ff="monospace">{barcode.code}</Table.Td>
                <Table.Td>{barcode.kind === 'GTIN' ? 'GTIN' : 'Clinic code'}</Table.Td>
                {editable && (
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => void remove(barcode.id, barcode.code)} aria-label={`Remove code ${barcode.code}`}>
                      Remove
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <form onSubmit={add} noValidate aria-label="Add a code">
          <Stack gap={4}>
            <FormAlert message={failure} />
            <Group align="flex-start" gap="xs">
              <SegmentedControl
                aria-label="Kind of code"
                data={[
                  { value: 'GTIN', label: 'GTIN' },
                  { value: 'CLINIC', label: 'Clinic code' },
                ]}
                {...form.getInputProps('kind')}
              />
              <TextInput aria-label="Code" placeholder={form.values.kind === 'GTIN' ? '8 to 14 digits' : 'Its own code'} {...form.getInputProps('code')} />
              <Button type="submit" variant="light">
                Add code
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

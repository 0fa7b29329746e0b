import { ActionIcon, Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { productKindLabels, productKinds, routeLabels, routes, type Product } from '#shared/modules/medicines/product.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useCallForm } from '../../forms/use-call-form.ts';
import { doseUnitOptions, emptyProductForm, formErrorsOf, productFormOf, productInputOf, type ProductFormValues } from './product-form-values.ts';

const kindOptions = productKinds.map((kind) => ({ value: kind, label: productKindLabels[kind] }));
const routeOptions = routes.map((route) => ({ value: route, label: routeLabels[route] }));

/** Adds a product to the chain's catalogue, or edits one: every clinic of the chain sees the change. */
export function ProductFormModal({ product, onClose, onSaved }: { product: Product | null; onClose: () => void; onSaved: (product: Product) => void }) {
  const form = useForm<ProductFormValues>({ mode: 'controlled', initialValues: product === null ? emptyProductForm() : productFormOf(product) });
  const { failure, run } = useCallForm((errors) => form.setErrors(formErrorsOf(errors)));
  const medicine = form.values.kind === 'MEDICINE';
  const submit = form.onSubmit(async (values) => {
    const input = productInputOf(values);
    const saved: { product: Product | null } = { product: null };
    const ok = await run(async () => {
      saved.product = product === null ? await api.call('medicines.create', input) : await api.call('medicines.update', { productId: product.id, product: input });
    });
    if (ok && saved.product !== null) {
      notifications.show({ color: 'green', message: product === null ? `${values.genericName.trim()} added to the catalogue.` : `${values.genericName.trim()} saved.` });
      onSaved(saved.product);
    }
  });
  const title = product === null ? 'New product' : `Edit ${product.genericName}`;
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          <FormAlert message={failure} />
          <SimpleGrid cols={3}>
            <Select label="Kind" required allowDeselect={false} data={kindOptions} {...form.getInputProps('kind')} />
            <TextInput label="Generic name" required data-autofocus {...form.getInputProps('genericName')} />
            <TextInput label="Brand name" {...form.getInputProps('brandName')} />
            <TextInput label="Strength as printed" placeholder="500 mg" {...form.getInputProps('strengthText')} />
            <TextInput label="Dose form" placeholder="tablet, capsule, syrup" {...form.getInputProps('doseForm')} />
            <TextInput label="Pack sizes" description="Whole numbers, separated by commas" placeholder="21, 28" {...form.getInputProps('packSizes')} />
          </SimpleGrid>
          {medicine && (
            <>
              <SimpleGrid cols={3}>
                <Group grow align="flex-start" gap="xs">
                  <NumberInput label="Strength for dose maths" min={0} decimalScale={3} {...form.getInputProps('strengthAmount')} />
                  <Select label="Unit" aria-label="Unit of the strength" data={doseUnitOptions} {...form.getInputProps('strengthUnit')} />
                </Group>
                <Group grow align="flex-start" gap="xs">
                  <NumberInput label="Maximum a day" min={0} decimalScale={3} {...form.getInputProps('maxDailyAmount')} />
                  <Select label="Unit" aria-label="Unit of the maximum a day" data={doseUnitOptions} {...form.getInputProps('maxDailyUnit')} />
                </Group>
                <Select label="Route" clearable data={routeOptions} {...form.getInputProps('route')} />
                <TextInput label="ATC code" placeholder="J01CA04" {...form.getInputProps('atcCode')} />
                <TextInput label="Class" placeholder="Penicillins" {...form.getInputProps('therapeuticClass')} />
              </SimpleGrid>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  Active ingredients
                </Text>
                {form.values.ingredients.length === 0 && (
                  <Text size="sm" c="dimmed">
                    None listed: the checks take the generic name as the ingredient.
                  </Text>
                )}
                {form.values.ingredients.map((_, index) => (
                  <Group key={index} align="flex-end" gap="xs">
                    <TextInput label={`Ingredient ${String(index + 1)}`} {...form.getInputProps(`ingredients.${String(index)}.name`)} />
                    <TextInput label={`Strength of ingredient ${String(index + 1)}`} {...form.getInputProps(`ingredients.${String(index)}.strength`)} />
                    <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove ingredient ${String(index + 1)}`} onClick={() => form.removeListItem('ingredients', index)}>
                      ✕
                    </ActionIcon>
                  </Group>
                ))}
                <Button variant="light" size="xs" w="fit-content" onClick={() => form.insertListItem('ingredients', { name: '', strength: '' })}>
                  Add an ingredient
                </Button>
              </Stack>
            </>
          )}
          <Group>
            <Checkbox label="Prescription only" {...form.getInputProps('prescriptionOnly', { type: 'checkbox' })} />
            {medicine && <Checkbox label="Controlled" {...form.getInputProps('controlled', { type: 'checkbox' })} />}
            <Checkbox label="High alert" {...form.getInputProps('highAlert', { type: 'checkbox' })} />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              {product === null ? 'Add product' : 'Save'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { productLabel, routeLabels, type Product } from '#shared/modules/medicines/product.ts';
import { useCall } from '../../api/use-call.ts';
import { api } from '../../api/api.ts';
import { BarcodeEditor } from './BarcodeEditor.tsx';
import { ClinicSettingsForm } from './ClinicSettingsForm.tsx';
import { ProductFlags } from './ProductLine.tsx';
import { ProductFormModal } from './ProductFormModal.tsx';

function amountWords(amount: { amount: number; unit: string } | null): string {
  return amount === null ? '—' : `${String(amount.amount)} ${amount.unit}`;
}

function Facts({ product }: { product: Product }) {
  const rows: [string, string][] = [
    ['Strength', [product.strengthText, product.strength === null ? '' : `(${amountWords(product.strength)} for dose maths)`].filter((part) => part !== '').join(' ') || '—'],
    ['Dose form', product.doseForm || '—'],
    ['Route', product.route === null ? '—' : routeLabels[product.route]],
    ['Active ingredients', product.ingredients.length === 0 ? '—' : product.ingredients.map((ingredient) => [ingredient.name, ingredient.strength].filter((part) => part !== '').join(' ')).join(', ')],
    ['ATC code and class', [product.atcCode, product.therapeuticClass].filter((part) => part !== '').join(' · ') || '—'],
    ['Pack sizes', product.packSizes.length === 0 ? '—' : product.packSizes.join(', ')],
    ['Maximum a day', amountWords(product.maxDailyDose)],
  ];
  return (
    <Table aria-label={`Details of ${product.genericName}`} variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={170}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One product: its facts, its codes, this clinic's price and stock level, and what an editor may change. */
export function ProductDetail({ productId, editable }: { productId: string; editable: boolean }) {
  const loaded = useCall('medicines.get', { productId });
  const [editing, setEditing] = useState(false);
  const [latest, setLatest] = useState<Product | null>(null);
  if (loaded.status === 'failed') return <Text c="red">{loaded.error.message}</Text>;
  if (loaded.status !== 'done') return <Loader size="sm" />;
  const product = latest !== null && latest.id === productId && latest.updatedAt >= loaded.result.updatedAt ? latest : loaded.result;
  const retire = async () => {
    try {
      setLatest(await api.call('medicines.retire', { productId: product.id, retired: product.active }));
      notifications.show({ color: 'green', message: product.active ? `${product.genericName} retired: no longer offered.` : `${product.genericName} is offered again.` });
    } catch (error) {
      notifications.show({ color: 'red', message: error instanceof Error ? error.message : 'Not changed.' });
    }
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={2} size="h4">
              {productLabel(product)}
            </Title>
            <ProductFlags product={product} />
          </Stack>
          {editable && (
            <Group gap="xs">
              <Button size="xs" onClick={() => setEditing(true)}>
                Edit
              </Button>
              <Button size="xs" variant="default" onClick={() => void retire()}>
                {product.active ? 'Retire' : 'Offer again'}
              </Button>
            </Group>
          )}
        </Group>
        <Facts product={product} />
        <Title order={3} size="h5">
          Codes
        </Title>
        <BarcodeEditor product={product} editable={editable} onChanged={setLatest} />
        <Title order={3} size="h5">
          This clinic
        </Title>
        <ClinicSettingsForm key={`${product.id}-${product.updatedAt}`} product={product} editable={editable} onChanged={setLatest} />
      </Stack>
      {editing && (
        <ProductFormModal
          product={product}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setLatest(saved);
            setEditing(false);
          }}
        />
      )}
    </Paper>
  );
}

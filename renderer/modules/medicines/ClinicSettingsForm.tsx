import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Product } from '#shared/modules/medicines/product.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useCallForm } from '../../forms/use-call-form.ts';
import { formatMinor, fromMinor, minorDigits, toMinor, useClinicMoney } from './money.ts';

/** What this clinic charges and when it reorders; the other clinics of the chain set their own. */
export function ClinicSettingsForm({ product, editable, onChanged }: { product: Product; editable: boolean; onChanged: (product: Product) => void }) {
  const { currency, locale } = useClinicMoney();
  const settings = product.clinicSettings;
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      price: ((): number | string => (settings === null || settings.salePriceMinor === null ? '' : fromMinor(settings.salePriceMinor, currency)))(),
      taxPercent: (settings?.taxRateBp ?? 0) / 100,
      reorderLevel: settings?.reorderLevel ?? 0,
    },
  });
  const { failure, run } = useCallForm((errors) =>
    form.setErrors({ price: errors['salePriceMinor'] ?? null, taxPercent: errors['taxRateBp'] ?? null, reorderLevel: errors['reorderLevel'] ?? null }),
  );
  const submit = form.onSubmit(async (values) => {
    const saved: { product: Product | null } = { product: null };
    const ok = await run(async () => {
      saved.product = await api.call('medicines.setClinicSettings', {
        productId: product.id,
        salePriceMinor: values.price === '' ? null : toMinor(Number(values.price), currency),
        taxRateBp: Math.round(values.taxPercent * 100),
        reorderLevel: values.reorderLevel,
      });
    });
    if (ok && saved.product !== null) {
      notifications.show({ color: 'green', message: `Price and stock level of ${product.genericName} saved for this clinic.` });
      onChanged(saved.product);
    }
  });
  if (!editable) {
    return (
      <Text size="sm">
        {settings?.salePriceMinor == null ? 'No price set here.' : `Price ${formatMinor(settings.salePriceMinor, currency, locale)}, tax ${String((settings.taxRateBp) / 100)} %.`}
      </Text>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-label="This clinic’s price and stock level">
      <Stack gap={4}>
        <FormAlert message={failure} />
        <Group align="flex-start" gap="xs">
          <NumberInput label={`Sale price (${currency})`} min={0} decimalScale={minorDigits(currency)} fixedDecimalScale w={150} {...form.getInputProps('price')} />
          <NumberInput label="Tax rate (%)" min={0} max={100} decimalScale={2} w={120} {...form.getInputProps('taxPercent')} />
          <NumberInput label="Reorder level" min={0} allowDecimal={false} w={130} {...form.getInputProps('reorderLevel')} />
        </Group>
        <Group>
          <Button type="submit" size="xs" variant="light">
            Save for this clinic
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

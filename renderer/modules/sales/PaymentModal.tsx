import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PaymentMethod, Tender } from '#shared/money/payments.ts';
import { settle } from '#shared/money/payments.ts';
import type { SaleView } from '#shared/modules/sales/index.ts';
import { CASH_INCREMENT_MINOR } from '#shared/modules/sales/index.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { commitLines, type Cart } from './cart.ts';
import type { ClinicMoney } from './money.ts';

const methods: readonly { method: PaymentMethod; label: string }[] = [
  { method: 'cash', label: 'Cash tendered' },
  { method: 'card', label: 'Card' },
  { method: 'mobile_money', label: 'Mobile money' },
];

type PaymentModalProps = {
  readonly cart: Cart;
  readonly totalMinor: number;
  readonly money: ClinicMoney;
  readonly onPaid: (sale: SaleView) => void;
  readonly onClose: () => void;
};

/** Takes the money, in cash, by card, by mobile money or a mix, and commits the sale; a refusal keeps the cart. */
export function PaymentModal({ cart, totalMinor, money, onPaid, onClose }: PaymentModalProps) {
  const [amounts, setAmounts] = useState<Record<PaymentMethod, string>>({ cash: money.plain(totalMinor), card: '', mobile_money: '' });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = methods.map(({ method }) => ({ method, amountMinor: money.parse(amounts[method]) }));
  const unreadable = parsed.filter((entry) => entry.amountMinor === null).map((entry) => entry.method);
  const tenders: Tender[] = parsed.flatMap((entry) => (entry.amountMinor === null || entry.amountMinor === 0 ? [] : [{ method: entry.method, amountMinor: entry.amountMinor }]));
  const settlement = tenders.length === 0 ? null : settle(totalMinor, tenders, CASH_INCREMENT_MINOR);
  const status = settlement === null ? `Still to pay: ${money.format(totalMinor)}` : !settlement.ok ? settlement.message : settlement.settled ? `Change: ${money.format(settlement.changeMinor)}` : `Still to pay: ${money.format(settlement.dueMinor)}`;
  const ready = unreadable.length === 0 && settlement !== null && settlement.ok && settlement.settled;

  const pay = async () => {
    if (!ready || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      onPaid(await api.call('sales.commit', { lines: commitLines(cart), discount: cart.discount, payments: tenders }));
    } catch (error) {
      // The cart stays as it was: the pharmacist fixes what the core refused and pays again.
      setFailure(messageOf(error));
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title="Payment" size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void pay();
        }}
      >
        <Stack gap="sm">
          <Text size="xl" fw={700}>
            Total {money.format(totalMinor)}
          </Text>
          <SimpleGrid cols={3} spacing="xs">
            {methods.map(({ method, label }) => (
              <TextInput
                key={method}
                label={`${label} (${money.currency})`}
                inputMode="decimal"
                autoComplete="off"
                value={amounts[method]}
                error={unreadable.includes(method) ? 'Type an amount, as 12.50' : undefined}
                onChange={(event) => {
                  const text = event.currentTarget.value;
                  setAmounts((current) => ({ ...current, [method]: text }));
                }}
                onFocus={(event) => event.currentTarget.select()}
                data-autofocus={method === 'cash' ? true : undefined}
              />
            ))}
          </SimpleGrid>
          <Text size="lg" fw={600} role="status" aria-live="polite">
            {status}
          </Text>
          <FormAlert message={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Back to the cart
            </Button>
            <Button type="submit" disabled={!ready} loading={busy}>
              Pay and finish
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

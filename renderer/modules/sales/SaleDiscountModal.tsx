import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import type { Discount } from '#shared/money/sale-totals.ts';
import { DiscountFields } from './DiscountFields.tsx';
import { discountFromText, textOfDiscount } from './discount-text.ts';
import type { ClinicMoney } from './money.ts';

type SaleDiscountModalProps = {
  readonly discount: Discount | null;
  readonly money: ClinicMoney;
  readonly limitText: string;
  readonly onSave: (discount: Discount | null) => void;
  readonly onClose: () => void;
};

/** A discount on the whole sale, shared over its lines by the core's rules. */
export function SaleDiscountModal({ discount, money, limitText, onSave, onClose }: SaleDiscountModalProps) {
  const initial = textOfDiscount(discount, money.digits);
  const [kind, setKind] = useState(initial.kind);
  const [text, setText] = useState(initial.text);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title="Discount on the sale">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = discountFromText(kind, text, money.digits);
          if (typeof parsed === 'string') setError(parsed);
          else onSave(parsed);
        }}
      >
        <Stack gap="sm">
          <DiscountFields label="Sale discount" description={limitText} kind={kind} text={text} currency={money.currency} error={error} autofocus onKind={setKind} onText={setText} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">Apply discount</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { isExpired } from '#shared/modules/stock/index.ts';
import { useCall } from '../../api/use-call.ts';
import { formatDate } from '../../format/time.ts';
import type { CartLine } from './cart.ts';
import { DiscountFields } from './DiscountFields.tsx';
import { discountFromText, textOfDiscount } from './discount-text.ts';
import type { ClinicMoney } from './money.ts';

export type LineField = 'quantity' | 'batch' | 'discount' | 'override';

type LineModalProps = {
  readonly line: CartLine;
  readonly focus: LineField;
  readonly today: string;
  /** The scan said the pack in hand is expired: the reason is asked before the batch list loads. */
  readonly scannedExpired: boolean;
  readonly money: ClinicMoney;
  readonly limitText: string;
  readonly onSave: (change: Pick<CartLine, 'quantity' | 'batchId' | 'batchLabel' | 'discount' | 'expiredOverrideReason'>) => void;
  readonly onClose: () => void;
};

const FIRST_EXPIRY = 'fefo';

/** One cart line's quantity, batch, discount and, for an expired batch, the reason to give it out. */
export function LineModal({ line, focus, today, scannedExpired, money, limitText, onSave, onClose }: LineModalProps) {
  const batches = useCall('stock.batches.list', { productId: line.productId, limit: 50 });
  const [quantity, setQuantity] = useState(String(line.quantity));
  const [batchId, setBatchId] = useState(line.batchId ?? FIRST_EXPIRY);
  const initialDiscount = textOfDiscount(line.discount, money.digits);
  const [discountKind, setDiscountKind] = useState(initialDiscount.kind);
  const [discountText, setDiscountText] = useState(initialDiscount.text);
  const [reason, setReason] = useState(line.expiredOverrideReason ?? '');
  const [errors, setErrors] = useState<{ quantity?: string; discount?: string; reason?: string }>({});

  const list = batches.status === 'done' ? batches.result.batches : [];
  const chosen = list.find((batch) => batch.batchId === batchId);
  const expired = chosen === undefined ? scannedExpired && batchId === line.batchId : isExpired(chosen.expiryDate, today);
  const options = [
    { value: FIRST_EXPIRY, label: 'First expiry first (the core picks)' },
    ...list.map((batch) => ({ value: batch.batchId, label: `${batch.lot} · ${batch.expiryDate === null ? 'no expiry' : `expires ${formatDate(batch.expiryDate)}`} · ${String(batch.onHand)} on hand${isExpired(batch.expiryDate, today) ? ' · EXPIRED' : ''}` })),
  ];
  // The scanned batch may be one the list does not hold (none on hand): it stays choosable.
  if (line.batchId !== null && !list.some((batch) => batch.batchId === line.batchId)) options.push({ value: line.batchId, label: line.batchLabel ?? 'The pack in hand' });

  const save = () => {
    const packs = Number(quantity);
    const discount = discountFromText(discountKind, discountText, money.digits);
    const found: typeof errors = {};
    if (!/^\d+$/.test(quantity.trim()) || packs < 1 || packs > 10_000) found.quantity = 'A whole number of packs from 1 to 10,000';
    if (typeof discount === 'string') found.discount = discount;
    if (expired && reason.trim() === '') found.reason = 'An expired batch is only given out with a reason';
    setErrors(found);
    if (Object.keys(found).length > 0 || typeof discount === 'string') return;
    const picked = batchId === FIRST_EXPIRY ? null : batchId;
    const label = chosen === undefined ? (picked === line.batchId ? line.batchLabel : null) : `${chosen.lot}${chosen.expiryDate === null ? '' : ` · expires ${formatDate(chosen.expiryDate)}`}`;
    onSave({ quantity: packs, batchId: picked, batchLabel: label, discount, expiredOverrideReason: expired ? reason.trim() : null });
  };

  return (
    <Modal opened onClose={onClose} title={line.productLabel} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Stack gap="sm">
          <TextInput label="Quantity (packs)" inputMode="numeric" value={quantity} error={errors.quantity} onChange={(event) => setQuantity(event.currentTarget.value)} data-autofocus={focus === 'quantity' ? true : undefined} autoComplete="off" />
          <Select label="Batch" data={options} value={batchId} onChange={(value) => setBatchId(value ?? FIRST_EXPIRY)} allowDeselect={false} data-autofocus={focus === 'batch' ? true : undefined} comboboxProps={{ withinPortal: false }} />
          {expired && (
            <Alert color="orange" role="alert" title="This batch has expired">
              <Text size="sm">Give it out only if you must, and say why: the reason goes on the sale and its receipt.</Text>
            </Alert>
          )}
          {expired && <TextInput label="Reason for giving out an expired pack" value={reason} error={errors.reason} onChange={(event) => setReason(event.currentTarget.value)} data-autofocus={focus === 'override' ? true : undefined} maxLength={300} />}
          <DiscountFields label="Line discount" description={limitText} kind={discountKind} text={discountText} currency={money.currency} error={errors.discount ?? null} autofocus={focus === 'discount'} onKind={setDiscountKind} onText={setDiscountText} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">Save line</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

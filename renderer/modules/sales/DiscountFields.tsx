import { Group, SegmentedControl, TextInput } from '@mantine/core';
import type { Ref } from 'react';
import type { DiscountKind } from './discount-text.ts';

type DiscountFieldsProps = {
  readonly label: string;
  readonly kind: DiscountKind;
  readonly text: string;
  readonly currency: string;
  readonly error: string | null;
  readonly description: string;
  readonly inputRef?: Ref<HTMLInputElement>;
  /** Takes the focus when its dialog opens. */
  readonly autofocus?: boolean;
  readonly onKind: (kind: DiscountKind) => void;
  readonly onText: (text: string) => void;
};

/** A discount as a percentage or an amount of the currency. */
export function DiscountFields({ label, kind, text, currency, error, description, inputRef, autofocus = false, onKind, onText }: DiscountFieldsProps) {
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput ref={inputRef} label={label} description={description} inputMode="decimal" value={text} error={error} onChange={(event) => onText(event.currentTarget.value)} style={{ flex: 1 }} autoComplete="off" data-autofocus={autofocus ? true : undefined} />
      <SegmentedControl aria-label={`${label}: per cent or amount`} value={kind} onChange={(value) => onKind(value === 'amount' ? 'amount' : 'percent')} data={[{ value: 'percent', label: '%' }, { value: 'amount', label: currency }]} />
    </Group>
  );
}

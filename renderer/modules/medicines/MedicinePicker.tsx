import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { productLabel, type ProductKind, type ProductSummary } from '#shared/modules/medicines/product.ts';
import { ProductLine } from './ProductLine.tsx';
import { useMedicineSearch } from './use-medicine-search.ts';

type Props = {
  value: ProductSummary | null;
  onChange: (product: ProductSummary | null) => void;
  label?: string;
  /** Only these kinds (a prescription offers medicines only). */
  kinds?: readonly ProductKind[];
  limit?: number;
};

/** Enter picks the first result when it cannot be another: the only one, or one named exactly as typed. */
function certainResult(results: readonly ProductSummary[], typed: string): ProductSummary | null {
  const [first, second] = results;
  if (first === undefined) return null;
  if (second === undefined) return first;
  const wanted = typed.toLowerCase();
  const exact = results.filter((product) => product.genericName.toLowerCase() === wanted || product.brandName.toLowerCase() === wanted);
  return exact.length === 1 ? (exact[0] ?? null) : null;
}

/** Arrow keys walk the list of results; Escape goes back to the typing. */
function moveFocus(event: KeyboardEvent<HTMLElement>, list: HTMLDivElement | null, input: HTMLInputElement | null): void {
  const buttons = [...(list?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  const at = buttons.findIndex((button) => button === document.activeElement);
  if (event.key === 'ArrowDown') buttons[Math.min(at + 1, buttons.length - 1)]?.focus();
  else if (event.key === 'ArrowUp') (at <= 0 ? input : buttons[at - 1])?.focus();
  else if (event.key === 'Escape') input?.focus();
  else return;
  event.preventDefault();
}

/**
 * Choose a product by typing any part of its generic or brand name: Enter picks the one certain
 * match, or moves into the list when several could be meant; arrows walk the list.
 */
export function MedicinePicker({ value, onChange, label = 'Medicine', kinds, limit = 8 }: Props) {
  const [query, setQuery] = useState('');
  const [enterFor, setEnterFor] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const listLabel = useId();
  const { results, searching, failure, answered } = useMedicineSearch(query, { limit, ...(kinds === undefined ? {} : { kinds }) });
  const settled = !searching && answered === query.trim();

  const choose = (product: ProductSummary): void => {
    onChange(product);
    setQuery('');
  };

  useEffect(() => {
    if (enterFor === null || enterFor !== query.trim() || !settled) return;
    setEnterFor(null);
    if (failure !== null) return;
    const certain = certainResult(results, query.trim());
    if (certain !== null) choose(certain);
    else list.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [enterFor, settled, results, failure, query]);

  if (value !== null) {
    return (
      <Paper withBorder p="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">
            {label}: <strong>{productLabel(value)}</strong>
          </Text>
          <Button size="xs" variant="subtle" onClick={() => onChange(null)}>
            Change
          </Button>
        </Group>
      </Paper>
    );
  }
  return (
    <Stack gap={4}>
      <TextInput
        ref={input}
        label={label}
        placeholder="Any part of the generic or brand name"
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setEnterFor(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            // Enter here chooses a product; it never submits the form around the picker.
            event.preventDefault();
            if (query.trim() !== '') setEnterFor(query.trim());
          } else if (event.key === 'ArrowDown') {
            event.preventDefault();
            list.current?.querySelector<HTMLButtonElement>('button')?.focus();
          }
        }}
        error={failure}
        autoComplete="off"
      />
      {query.trim() !== '' && settled && results.length === 0 && failure === null && (
        <Text size="sm" c="dimmed">
          No product matches.
        </Text>
      )}
      <div ref={list} role="group" aria-labelledby={results.length > 0 ? listLabel : undefined} onKeyDown={(event) => moveFocus(event, list.current, input.current)}>
        {results.length > 0 && (
          <Text id={listLabel} size="xs" c="dimmed" mb={4}>
            {results.length} found; arrows move, Enter chooses
          </Text>
        )}
        <Stack gap={4}>
          {results.map((product) => (
            <Button key={product.id} variant="default" justify="flex-start" h="auto" py={6} onClick={() => choose(product)} aria-label={`Choose ${productLabel(product)}`}>
              <ProductLine product={product} />
            </Button>
          ))}
        </Stack>
      </div>
    </Stack>
  );
}

import { Paper, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type KeyboardEvent, type Ref } from 'react';
import { productLabel, type ProductSummary } from '#shared/modules/medicines/index.ts';
import { useCall } from '../../api/use-call.ts';

type ProductSearchProps = {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly inputRef?: Ref<HTMLInputElement>;
  readonly autoFocus?: boolean;
  /** A picker has its first product ready for Enter; the counter's field treats Enter as a typed code until an arrow picks one. */
  readonly firstReady: boolean;
  readonly onPick: (product: ProductSummary) => void;
  /** Enter with no product highlighted: the text is a code typed by hand. */
  readonly onEnterText?: (text: string) => void;
};

/** A product search field with its results below, chosen by arrows and Enter or by a click. */
export function ProductSearch({ id, label, description, inputRef, autoFocus = false, firstReady, onPick, onEnterText }: ProductSearchProps) {
  const [text, setText] = useState('');
  const [active, setActive] = useState<number | null>(null);
  const [debounced] = useDebouncedValue(text.trim(), 200);
  const found = useCall('medicines.search', debounced.length >= 2 ? { query: debounced, limit: 8 } : null);
  const products = found.status === 'done' && debounced.length >= 2 && text.trim() !== '' ? found.result.products : [];
  const highlighted = active ?? (firstReady && products.length > 0 ? 0 : null);
  const chosen = highlighted === null ? undefined : products[highlighted];

  const pick = (product: ProductSummary) => {
    setText('');
    setActive(null);
    onPick(product);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && products.length > 0) {
      // The results take the arrows while they show; otherwise the arrows move the cart's selection.
      event.preventDefault();
      event.stopPropagation();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((((highlighted ?? (step > 0 ? -1 : 0)) + step) % products.length + products.length) % products.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (chosen !== undefined) pick(chosen);
      else if (text.trim() !== '' && onEnterText !== undefined) {
        onEnterText(text.trim());
        setText('');
      }
    } else if (event.key === 'Escape' && text !== '') {
      event.stopPropagation();
      setText('');
      setActive(null);
    }
  };

  const listId = `${id}-results`;
  return (
    <div>
      <TextInput
        id={id}
        ref={inputRef}
        label={label}
        description={description}
        value={text}
        autoFocus={autoFocus}
        data-autofocus={autoFocus ? true : undefined}
        autoComplete="off"
        role="combobox"
        aria-expanded={products.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={chosen === undefined ? undefined : `${id}-${chosen.id}`}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setActive(null);
        }}
        onKeyDown={onKeyDown}
      />
      <Paper withBorder={products.length > 0} mt={4} id={listId} role="listbox" aria-label="Products found">
        {products.map((product, index) => (
          <UnstyledButton key={product.id} id={`${id}-${product.id}`} role="option" aria-selected={index === highlighted} tabIndex={-1} onMouseDown={(event) => event.preventDefault()} onClick={() => pick(product)} display="block" w="100%" px="sm" py={4} bg={index === highlighted ? 'var(--mantine-color-blue-light)' : undefined}>
            <Text size="sm">{productLabel(product)}</Text>
          </UnstyledButton>
        ))}
      </Paper>
    </div>
  );
}

import { Button, Checkbox, Grid, Group, Loader, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useHasRole } from '../../state/clinic-hooks.ts';
import { ProductDetail } from './ProductDetail.tsx';
import { ProductFormModal } from './ProductFormModal.tsx';
import { ProductLine } from './ProductLine.tsx';
import { useMedicineSearch } from './use-medicine-search.ts';

/** The chain's catalogue: find a product by any part of a name, see and edit it, add new ones. */
export function CatalogueTab() {
  const editable = useHasRole('ADMIN', 'PHARMACIST');
  const [query, setQuery] = useState('');
  const [includeRetired, setIncludeRetired] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const { results, searching, failure, answered } = useMedicineSearch(query, { limit: 50, includeRetired });
  const settled = !searching && answered === query.trim();
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="xs">
          <Group align="flex-end" gap="xs">
            <TextInput
              label="Find a product"
              placeholder="Any part of the generic or brand name"
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
              error={failure}
              autoComplete="off"
              style={{ flex: 1 }}
              data-autofocus
            />
            {editable && <Button onClick={() => setCreating(true)}>New product</Button>}
          </Group>
          <Checkbox label="Show retired products" checked={includeRetired} onChange={(event) => setIncludeRetired(event.currentTarget.checked)} />
          {query.trim() === '' && (
            <Text size="sm" c="dimmed">
              Type part of a name, such as “amox” or “lipitor”.
            </Text>
          )}
          {searching && <Loader size="xs" aria-label="Searching" />}
          {query.trim() !== '' && settled && results.length === 0 && failure === null && (
            <Text size="sm" c="dimmed">
              No product matches.
            </Text>
          )}
          {results.length > 0 && (
            <Table aria-label="Products found" highlightOnHover>
              <Table.Tbody>
                {results.map((product) => (
                  <Table.Tr key={product.id} bg={product.id === chosen ? 'var(--mantine-color-teal-light)' : undefined}>
                    <Table.Td>
                      <UnstyledButton w="100%" onClick={() => setChosen(product.id)} aria-current={product.id === chosen ? 'true' : undefined}>
                        <ProductLine product={product} />
                      </UnstyledButton>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        {chosen === null ? (
          <Text size="sm" c="dimmed">
            Choose a product to see its details, codes and this clinic’s price.
          </Text>
        ) : (
          <ProductDetail key={chosen} productId={chosen} editable={editable} />
        )}
      </Grid.Col>
      {creating && (
        <ProductFormModal
          product={null}
          onClose={() => setCreating(false)}
          onSaved={(product) => {
            setCreating(false);
            setQuery(product.genericName);
            setChosen(product.id);
          }}
        />
      )}
    </Grid>
  );
}

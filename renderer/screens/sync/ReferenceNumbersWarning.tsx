import { Alert, List, Text } from '@mantine/core';
import type { ReferenceSupply } from '#shared/api/calls/sync.ts';
import { referenceSupplySentence } from '../../format/reference-numbers.ts';

/**
 * Shown when fewer than a week's reference numbers are left, or some were given out
 * provisionally: a workstation kept from the hub for that long should be brought back to it.
 * Registering and booking carry on either way, so it warns and asks nothing.
 */
export function ReferenceNumbersWarning({ supplies }: { supplies: readonly ReferenceSupply[] }) {
  const low = supplies.filter((supply) => supply.low);
  if (low.length === 0) return null;
  return (
    <Alert color="orange" title="Reference numbers are running low" role="status" aria-label="Reference numbers are running low">
      <List size="sm">
        {low.map((supply) => (
          <List.Item key={supply.series}>{referenceSupplySentence(supply)}</List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        The hub leases this workstation more numbers at the next sync. Until then it goes on registering patients and booking, under provisional numbers once the leased ones are used up.
      </Text>
    </Alert>
  );
}

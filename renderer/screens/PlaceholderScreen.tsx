import { Stack, Text, Title } from '@mantine/core';
import type { Section } from '../state/routes.ts';
import { sectionLabels } from '../state/routes.ts';

const upcoming: Readonly<Record<Exclude<Section, 'administration' | 'reception' | 'sync'>, string>> = {
  consultation: 'The doctor’s worklist, notes and prescriptions arrive with the consultation update.',
  pharmacy: 'The barcode point of sale and dispensing arrive with the pharmacy update.',
  billing: 'Invoices, payments and the daily close arrive with the billing update.',
  inventory: 'Medicines’ stock by batch and expiry is under Pharmacy, Stock; the clinic’s other supplies arrive with a later update.',
};

/** A screen a later update fills; it says so plainly in one line. */
export function PlaceholderScreen({ section }: { section: Exclude<Section, 'administration' | 'reception' | 'sync'> }) {
  return (
    <Stack>
      <Title order={1}>{sectionLabels[section]}</Title>
      <Text>{upcoming[section]}</Text>
    </Stack>
  );
}

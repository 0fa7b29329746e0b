import { Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { countryOptions, currencyOptions, timeZoneOptions } from '../forms/reference-options.ts';

export type BindField = (path: string) => GetInputPropsReturnType;

/**
 * The clinic's details, shared by first-run setup and the administration screen. Picking the
 * option already chosen keeps it (allowDeselect off): a required field is never emptied by a
 * click, which matters once setup fills currency and zone from the country.
 */
export function ClinicDetailsFields({ bind, prefix = '' }: { bind: BindField; prefix?: string }) {
  const field = (name: string): GetInputPropsReturnType => bind(`${prefix}${name}`);
  return (
    <>
      <TextInput label="Clinic name" required {...field('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label="Country" required searchable allowDeselect={false} data={[...countryOptions]} nothingFoundMessage="No such country" {...field('country')} />
        <TextInput label="State or region" {...field('state')} />
        <TextInput label="City" required {...field('city')} />
        <TextInput label="Clinic phone" {...field('phone')} />
      </SimpleGrid>
      <TextInput label="Address" {...field('address')} />
      <Group grow align="flex-start">
        <Select label="Currency" required searchable allowDeselect={false} data={[...currencyOptions]} nothingFoundMessage="No such currency" {...field('currency')} />
        <Select label="Time zone" required searchable allowDeselect={false} data={[...timeZoneOptions]} nothingFoundMessage="No such time zone" {...field('timeZone')} />
      </Group>
    </>
  );
}

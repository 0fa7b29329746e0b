import { Button, Group, MultiSelect, Select, TextInput, type ComboboxItem, type ComboboxItemGroup, type OptionsFilter } from '@mantine/core';
import { useMemo, useState } from 'react';
import { searchCatalogue, urgencies, urgencyLabels, type CatalogueTest, type Urgency } from '#shared/modules/orders/index.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useCallForm } from '../../forms/use-call-form.ts';

function optionLabel(test: CatalogueTest): string {
  return `${test.name} (${test.code})`;
}

// Typing filters by every word against code, name, LOINC and item names, as the core's search does.
function filterBy(tests: readonly CatalogueTest[]): OptionsFilter {
  return ({ options, search }) => {
    const found = new Set(searchCatalogue(tests, search).map((test) => test.code));
    return (options as ComboboxItemGroup<ComboboxItem>[]).map((group) => ({ ...group, items: group.items.filter((item) => found.has(item.value)) }));
  };
}

/** Choose tests by typing, how urgent, a note for the lab; one order per test. */
export function OrderForm({ encounterId, tests, onOrdered }: { encounterId: string; tests: readonly CatalogueTest[]; onOrdered: () => void }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [urgency, setUrgency] = useState<Urgency>('ROUTINE');
  const [clinicalNote, setClinicalNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { failure, run } = useCallForm(setErrors);
  const [saving, setSaving] = useState(false);
  const data = useMemo(
    () => [
      { group: 'Laboratory', items: tests.filter((test) => test.kind === 'LAB').map((test) => ({ value: test.code, label: optionLabel(test) })) },
      { group: 'Imaging', items: tests.filter((test) => test.kind === 'IMAGING').map((test) => ({ value: test.code, label: optionLabel(test) })) },
    ],
    [tests],
  );
  const filter = useMemo(() => filterBy(tests), [tests]);

  const submit = async (): Promise<void> => {
    setErrors({});
    setSaving(true);
    const ordered = await run(() => api.call('orders.place', { encounterId, testCodes: chosen, urgency, clinicalNote }));
    setSaving(false);
    if (!ordered) return;
    setChosen([]);
    setClinicalNote('');
    setUrgency('ROUTINE');
    onOrdered();
  };

  return (
    <form
      aria-label="Order tests"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormAlert message={failure} />
      <Group align="flex-end" gap="xs" wrap="wrap">
        <MultiSelect
          label="Tests to order"
          placeholder={chosen.length === 0 ? 'Type a test: blood count, HbA1c, chest X-ray…' : undefined}
          data={data}
          value={chosen}
          onChange={setChosen}
          filter={filter}
          searchable
          hidePickedOptions
          maxDropdownHeight={260}
          error={errors['testCodes']}
          style={{ flex: '1 1 22rem' }}
          comboboxProps={{ withinPortal: false }}
        />
        <Select label="Urgency" data={urgencies.map((value) => ({ value, label: urgencyLabels[value] }))} value={urgency} onChange={(value) => value !== null && setUrgency(value)} allowDeselect={false} w="11rem" comboboxProps={{ withinPortal: false }} />
        <TextInput label="Clinical note for the lab" value={clinicalNote} onChange={(event) => setClinicalNote(event.currentTarget.value)} error={errors['clinicalNote']} style={{ flex: '1 1 14rem' }} />
        <Button type="submit" loading={saving} disabled={chosen.length === 0}>
          Order
        </Button>
      </Group>
    </form>
  );
}

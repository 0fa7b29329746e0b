import { ActionIcon, Button, Group, Modal, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { billableServices } from '#shared/modules/consultation/billable-services.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { useAppStore } from '../../state/store.ts';

type Item = { code: string; quantity: number };

/** An amount in minor units, written in the clinic's currency and locale (two decimals for pounds, none for yen). */
function useMoney(): (minor: number) => string {
  const clinic = useAppStore((state) => state.session?.activeClinic ?? null);
  const format = new Intl.NumberFormat(clinic?.locale ?? 'en', { style: 'currency', currency: clinic?.currency ?? 'USD' });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return (minor) => format.format(minor / 10 ** digits);
}

/**
 * What the encounter bills, handed to billing as a draft: the consultation (new or follow-up) and
 * any procedures done. Completing also closes the queue entry and the appointment.
 */
export function CompleteModal({ encounterId, seenBefore, onClose, onCompleted }: { encounterId: string; seenBefore: boolean; onClose: () => void; onCompleted: () => void }) {
  const money = useMoney();
  const [items, setItems] = useState<Item[]>([{ code: seenBefore ? 'CONS-FU' : 'CONS-NEW', quantity: 1 }]);
  const [adding, setAdding] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const add = (code: string | null): void => {
    if (code === null) return;
    setItems((current) => (current.some((item) => item.code === code) ? current : [...current, { code, quantity: 1 }]));
    setAdding(null);
  };
  const total = items.reduce((sum, item) => sum + (billableServices.find((service) => service.code === item.code)?.unitPriceMinor ?? 0) * item.quantity, 0);
  const complete = async (): Promise<void> => {
    setSaving(true);
    try {
      await api.call('consultation.complete', { encounterId, items });
      onCompleted();
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title="Complete the encounter" size="lg">
      <Stack gap="xs">
        <FormAlert message={failure} />
        <Table aria-label="Billable items" withTableBorder verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code</Table.Th>
              <Table.Th>Service</Table.Th>
              <Table.Th>Quantity</Table.Th>
              <Table.Th>Unit price</Table.Th>
              <Table.Th>Remove</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const service = billableServices.find((candidate) => candidate.code === item.code);
              return (
                <Table.Tr key={item.code}>
                  <Table.Td>{item.code}</Table.Td>
                  <Table.Td>{service?.description ?? ''}</Table.Td>
                  <Table.Td>
                    <NumberInput size="xs" w={70} min={1} max={99} allowDecimal={false} aria-label={`Quantity of ${item.code}`} value={item.quantity} onChange={(value) => setItems((current) => current.map((other) => (other.code === item.code ? { ...other, quantity: typeof value === 'number' && value >= 1 ? value : 1 } : other)))} />
                  </Table.Td>
                  <Table.Td>{money(service?.unitPriceMinor ?? 0)}</Table.Td>
                  <Table.Td>
                    <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Remove ${item.code}`} onClick={() => setItems((current) => current.filter((other) => other.code !== item.code))}>
                      ✕
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Select
          size="xs"
          label="Add a service or procedure"
          placeholder="Type to find"
          searchable
          value={adding}
          onChange={add}
          data={billableServices.filter((service) => !items.some((item) => item.code === service.code)).map((service) => ({ value: service.code, label: `${service.code} · ${service.description}` }))}
        />
        <Text size="sm" ta="right">
          Total {money(total)} (a draft for billing)
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button data-autofocus onClick={() => void complete()} loading={saving}>
            Complete encounter
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

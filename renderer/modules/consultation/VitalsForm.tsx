import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { enteredVitalKinds, implausibleReason, vitalDefinitions, type VitalKind, type VitalsInput } from '#shared/modules/consultation/vitals.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { fieldErrorsOf, messageOf, type FieldErrors } from '../../forms/schema-form.ts';

type EnteredKind = Exclude<VitalKind, 'BMI'>;

function parsed(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}

/**
 * Vital signs taken together. A value no body can have (a temperature of 377) is refused here as
 * it is typed, and again by the core, with the same words; BMI comes from height and weight.
 */
export function VitalsForm({ patientId, encounterId, onSaved }: { patientId: string; encounterId: string | null; onSaved?: () => void }) {
  const [texts, setTexts] = useState<Partial<Record<EnteredKind, string>>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const check = (kind: EnteredKind, text: string): void => {
    const value = parsed(text);
    const reason = value === null ? null : Number.isNaN(value) ? `${vitalDefinitions[kind].label} must be a number` : implausibleReason(kind, value);
    setErrors((previous) => {
      const { [kind]: _dropped, ...rest } = previous;
      return reason === null ? rest : { ...rest, [kind]: reason };
    });
  };
  const submit = async (): Promise<void> => {
    const values: VitalsInput = {};
    for (const kind of enteredVitalKinds) {
      const value = parsed(texts[kind] ?? '');
      if (value !== null) values[kind] = value;
    }
    setSaving(true);
    setFailure(null);
    try {
      await api.call('consultation.recordVitals', { patientId, encounterId, values });
      setTexts({});
      setErrors({});
      notifications.show({ color: 'teal', title: 'Vitals recorded', message: `${String(Object.keys(values).length)} reading(s) saved.` });
      onSaved?.();
    } catch (error) {
      // The core names fields as values.TEMPERATURE; a rule over several (both blood pressure numbers) may name none.
      const fields = Object.entries(fieldErrorsOf(error) ?? {}).map(([field, message]) => [field.replace(/^values\./, ''), message] as const);
      const placed = fields.filter(([field]) => (enteredVitalKinds as readonly string[]).includes(field));
      if (placed.length > 0) setErrors(Object.fromEntries(placed));
      if (placed.length < fields.length || fields.length === 0) setFailure(fields.find(([field]) => !placed.some(([other]) => other === field))?.[1] ?? messageOf(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      aria-label="Record vitals"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="xs">
        <FormAlert message={failure} />
        <SimpleGrid cols={{ base: 3, lg: 5 }} spacing="xs" verticalSpacing={4}>
          {enteredVitalKinds.map((kind) => {
            const { label, unit } = vitalDefinitions[kind];
            return (
              <TextInput
                key={kind}
                size="xs"
                label={`${label} (${unit})`}
                inputMode="decimal"
                value={texts[kind] ?? ''}
                error={errors[kind]}
                onChange={(event) => {
                  const text = event.currentTarget.value;
                  setTexts((previous) => ({ ...previous, [kind]: text }));
                }}
                onBlur={(event) => check(kind, event.currentTarget.value)}
              />
            );
          })}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={saving} disabled={enteredVitalKinds.every((kind) => (texts[kind] ?? '').trim() === '')}>
            Save vitals
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

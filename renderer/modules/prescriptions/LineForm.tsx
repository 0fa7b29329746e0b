import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { AlertOverride, PrescriptionAlert } from '#shared/modules/medicines/index.ts';
import { doseUnits, routeLabels, routes } from '#shared/modules/medicines/index.ts';
import type { PrescriptionLine } from '#shared/modules/prescriptions/index.ts';
import { prescriptionLineInputSchema } from '#shared/modules/prescriptions/line.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { fieldErrorsOf, messageOf, type FieldErrors } from '../../forms/schema-form.ts';
import { MedicinePicker } from '../medicines/index.ts';
import { AlertList } from './AlertList.tsx';
import { emptyLineForm, formOfLine, frequencyHint, isDoseUnit, lineInputOf, suggestedQuantity, unitFor, type LineFormValues } from './line-form-values.ts';
import { OverrideModal } from './OverrideModal.tsx';
import { useLineCheck } from './use-line-check.ts';

type Props = {
  encounterId: string;
  /** The line being changed, or null to add one. */
  editing: PrescriptionLine | null;
  onSaved: () => void;
  onCancelEdit: () => void;
};

/** The shared schema's messages, by the field they belong to. */
function problemsOf(values: LineFormValues): FieldErrors | null {
  const parsed = prescriptionLineInputSchema.safeParse(lineInputOf(values));
  if (parsed.success) return null;
  return Object.fromEntries(parsed.error.issues.reverse().map((issue) => [String(issue.path[0] ?? 'line'), issue.message]));
}

/**
 * One medicine of the prescription: typed by any part of its name, then dose, route, how often
 * (the abbreviation spelt out as it is typed), how long, how many (computed, and changeable),
 * refills and instructions. The core's checks show as soon as the line is whole; a severe alert
 * asks for a reason before the line is saved.
 */
export function LineForm({ encounterId, editing, onSaved, onCancelEdit }: Props) {
  const [values, setValues] = useState<LineFormValues>(editing === null ? emptyLineForm : formOfLine(editing));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [needingReason, setNeedingReason] = useState<PrescriptionAlert[] | null>(null);
  const lineId = editing?.id ?? null;
  const doseField = useRef<HTMLInputElement>(null);
  // Changing a line from the table brings the keyboard to it.
  useEffect(() => {
    if (editing !== null) doseField.current?.focus();
  }, [editing]);
  const alerts = useLineCheck(encounterId, lineId, values);
  const suggested = suggestedQuantity(values);
  const set = (change: Partial<LineFormValues>): void => setValues({ ...values, ...change });

  const save = async (overrides: AlertOverride[]): Promise<void> => {
    await api.call('prescriptions.saveLine', { encounterId, lineId, line: lineInputOf(values), overrides });
    setNeedingReason(null);
    setValues(emptyLineForm);
    onSaved();
  };
  const submit = async (): Promise<void> => {
    const problems = problemsOf(values);
    setErrors(problems ?? {});
    setFailure(null);
    if (problems !== null) return;
    setSaving(true);
    try {
      // The checks once more, as the save will run them: a severe alert needs a reason first.
      const checked = await api.call('prescriptions.check', { encounterId, lineId, lines: [lineInputOf(values)] });
      const needed = checked.alerts.filter((alert) => checked.needReason.includes(alert.id));
      if (needed.length > 0) setNeedingReason(needed);
      else await save([]);
    } catch (error) {
      setErrors(fieldErrorsOf(error) ?? {});
      setFailure(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="xs" component="form" aria-label={editing === null ? 'Prescribe a medicine' : `Change ${editing.productLabel}`} onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {editing === null ? 'Prescribe a medicine' : `Change ${editing.productLabel}`}
        </Title>
        <FormAlert message={failure} />
        <MedicinePicker value={values.product} kinds={['MEDICINE']} onChange={(product) => set(product === null ? { product } : { product, unit: unitFor(product), dose: values.dose === '' && ['tablets', 'capsules'].includes(unitFor(product)) ? '1' : values.dose })} />
        {errors['productId'] !== undefined && (
          <Text size="sm" c="red.8" role="alert">
            {errors['productId']}
          </Text>
        )}
        <Group gap="xs" align="flex-start" wrap="wrap">
          <TextInput ref={doseField} label="Dose" w={80} inputMode="decimal" value={values.dose} onChange={(event) => set({ dose: event.currentTarget.value })} error={errors['dose']} />
          <NativeSelect label="Unit" w={110} value={values.unit} data={[...doseUnits]} onChange={(event) => { const unit = event.currentTarget.value; if (isDoseUnit(unit)) set({ unit }); }} />
          <NativeSelect label="Route" w={170} value={values.route} data={[{ value: '', label: 'As the product' }, ...routes.map((route) => ({ value: route, label: routeLabels[route] }))]} onChange={(event) => set({ route: routes.find((route) => route === event.currentTarget.value) ?? '' })} />
          <TextInput label="Frequency" w={200} value={values.frequency} onChange={(event) => set({ frequency: event.currentTarget.value })} description={frequencyHint(values.frequency)} error={errors['frequency']} autoComplete="off" />
          <TextInput label="Days" w={70} inputMode="numeric" value={values.durationDays} onChange={(event) => set({ durationDays: event.currentTarget.value })} error={errors['durationDays']} />
          <TextInput
            label="Quantity"
            w={100}
            inputMode="numeric"
            value={values.quantity ?? (suggested === null ? '' : String(suggested))}
            description={values.quantity === null ? 'Computed' : 'As typed'}
            onChange={(event) => set({ quantity: event.currentTarget.value })}
            error={errors['quantity']}
          />
          <TextInput label="Refills" w={70} inputMode="numeric" value={values.refills} onChange={(event) => set({ refills: event.currentTarget.value })} error={errors['refills']} />
        </Group>
        <TextInput label="Instructions for the patient" value={values.instructions} onChange={(event) => set({ instructions: event.currentTarget.value })} error={errors['instructions']} maxLength={500} />
        <AlertList alerts={alerts} label="Alerts for this medicine" />
        <Group justify="flex-end" gap="xs">
          {editing !== null && (
            <Button variant="default" onClick={onCancelEdit}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={saving}>
            {editing === null ? 'Add to prescription' : 'Save changes'}
          </Button>
        </Group>
      </Stack>
      {needingReason !== null && <OverrideModal alerts={needingReason} action={editing === null ? 'Override and add' : 'Override and save'} onConfirm={save} onClose={() => setNeedingReason(null)} />}
    </Paper>
  );
}

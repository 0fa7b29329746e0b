import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { catalogueProcedure } from '#shared/modules/procedures/catalogue.ts';
import type { PlanStep, TreatmentPlan } from '#shared/modules/procedures/plan.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { fieldErrorsOf, messageOf, type FieldErrors } from '../../forms/schema-form.ts';
import { procedureOptions, siteHint } from './procedure-options.ts';
import { useMoney } from './use-money.ts';

/** Adds a step to a plan, or changes a pending one: the procedure, tooth or site, planned date and estimated cost. */
export function StepFormModal({ plan, step, onClose, onSaved }: { plan: TreatmentPlan; step: PlanStep | null; onClose: () => void; onSaved: (plan: TreatmentPlan) => void }) {
  const money = useMoney();
  const [code, setCode] = useState<string | null>(step?.code ?? null);
  const [site, setSite] = useState(step?.site ?? '');
  const [plannedDate, setPlannedDate] = useState(step?.plannedDate ?? '');
  const [cost, setCost] = useState(step === null ? '' : money.asText(step.estimatedCostMinor));
  const [notes, setNotes] = useState(step?.notes ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const procedure = code === null ? undefined : catalogueProcedure(code);
  const heading = step === null ? `Add a step to ${plan.title}` : `Change step ${String(step.position)}`;

  const save = async (): Promise<void> => {
    if (code === null) {
      setErrors({ code: 'Choose a procedure from the catalogue' });
      return;
    }
    const estimatedCostMinor = cost.trim() === '' ? null : money.fromText(cost);
    if (estimatedCostMinor === null && cost.trim() !== '') {
      setErrors({ estimatedCostMinor: `Write the cost as an amount in ${money.currency}, e.g. 120.50` });
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      onSaved(await api.call('procedures.saveStep', { planId: plan.id, stepId: step?.id ?? null, code, site, plannedDate: plannedDate === '' ? null : plannedDate, estimatedCostMinor, notes }));
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields ?? {});
      if (fields === null) setFailure(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={heading} size="lg">
      <form
        aria-label={heading}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="xs">
          <FormAlert message={failure} />
          <Select data-autofocus openOnFocus={false} label="Procedure" placeholder="Type a code or a name" searchable data={procedureOptions} value={code} onChange={setCode} error={errors['code']} />
          <Group grow align="flex-start">
            <TextInput label="Tooth or site" description={siteHint(procedure)} value={site} onChange={(event) => setSite(event.currentTarget.value)} error={errors['site']} disabled={procedure?.site === 'NONE'} />
            <TextInput label="Planned date" type="date" description="The visit it is planned for" value={plannedDate} onChange={(event) => setPlannedDate(event.currentTarget.value)} error={errors['plannedDate']} />
            <TextInput
              label={`Estimated cost (${money.currency})`}
              description={procedure === undefined ? 'The catalogue price when empty' : `Catalogue price ${money.show(procedure.defaultPriceMinor)}`}
              inputMode="decimal"
              value={cost}
              onChange={(event) => setCost(event.currentTarget.value)}
              error={errors['estimatedCostMinor']}
            />
          </Group>
          <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(event) => setNotes(event.currentTarget.value)} error={errors['notes']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {step === null ? 'Add step' : 'Save step'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

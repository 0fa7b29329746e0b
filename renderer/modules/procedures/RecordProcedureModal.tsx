import { Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { CallResult } from '#shared/api/contract.ts';
import { catalogueProcedure } from '#shared/modules/procedures/catalogue.ts';
import type { TreatmentPlan } from '#shared/modules/procedures/plan.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { fieldErrorsOf, messageOf, type FieldErrors } from '../../forms/schema-form.ts';
import { procedureOptions, siteHint } from './procedure-options.ts';

/** Pending steps of open plans that this procedure could carry out. */
function stepOptions(plans: readonly TreatmentPlan[], code: string | null) {
  return plans
    .filter((plan) => plan.status !== 'COMPLETED' && plan.status !== 'CANCELLED')
    .flatMap((plan) =>
      plan.steps
        .filter((step) => step.code === code && (step.status === 'PLANNED' || step.status === 'BOOKED'))
        .map((step) => ({ value: step.id, label: `Step ${String(step.position)} of ${plan.title}${step.site === '' ? '' : ` · ${step.site}`}` })),
    );
}

/** Records a procedure performed in this encounter, optionally as a step of one of the patient's plans. */
export function RecordProcedureModal({ encounterId, plans, onClose, onSaved }: { encounterId: string; plans: readonly TreatmentPlan[]; onClose: () => void; onSaved: (result: CallResult<'procedures.record'>) => void }) {
  const [code, setCode] = useState<string | null>(null);
  const [site, setSite] = useState('');
  const [quantity, setQuantity] = useState<number>(1);
  const [notes, setNotes] = useState('');
  const [planStepId, setPlanStepId] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const procedure = code === null ? undefined : catalogueProcedure(code);
  const steps = stepOptions(plans, code);

  const save = async (): Promise<void> => {
    if (code === null) {
      setErrors({ code: 'Choose a procedure from the catalogue' });
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      onSaved(await api.call('procedures.record', { encounterId, code, site, quantity, notes, planStepId }));
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields ?? {});
      if (fields === null) setFailure(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title="Record a procedure" size="lg">
      <form
        aria-label="Record a procedure"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="xs">
          <FormAlert message={failure} />
          <Select
            data-autofocus
            openOnFocus={false}
            label="Procedure"
            placeholder="Type a code or a name"
            searchable
            data={procedureOptions}
            value={code}
            onChange={(value) => {
              setCode(value);
              setPlanStepId(null);
            }}
            error={errors['code']}
           
          />
          <Group grow align="flex-start">
            <TextInput label="Tooth or site" description={siteHint(procedure)} value={site} onChange={(event) => setSite(event.currentTarget.value)} error={errors['site']} disabled={procedure?.site === 'NONE'} />
            <NumberInput label="Quantity" min={1} max={100} allowDecimal={false} value={quantity} onChange={(value) => setQuantity(typeof value === 'number' && value >= 1 ? value : 1)} error={errors['quantity']} />
          </Group>
          {steps.length > 0 && <Select label="Step of a treatment plan" placeholder="Found when the note is signed" clearable data={steps} value={planStepId} onChange={setPlanStepId} error={errors['planStepId']} />}
          <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(event) => setNotes(event.currentTarget.value)} error={errors['notes']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Record procedure
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

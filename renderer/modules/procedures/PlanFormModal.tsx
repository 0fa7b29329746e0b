import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { TreatmentPlan } from '#shared/modules/procedures/plan.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { fieldErrorsOf, messageOf, type FieldErrors } from '../../forms/schema-form.ts';

/** Starts a treatment plan for the patient (proposed), or renames one. */
export function PlanFormModal({ patientId, plan, onClose, onSaved }: { patientId: string; plan: TreatmentPlan | null; onClose: () => void; onSaved: (plan: TreatmentPlan) => void }) {
  const [title, setTitle] = useState(plan?.title ?? '');
  const [notes, setNotes] = useState(plan?.notes ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const heading = plan === null ? 'New treatment plan' : `Edit ${plan.title}`;

  const save = async (): Promise<void> => {
    setSaving(true);
    setFailure(null);
    try {
      onSaved(await api.call('procedures.savePlan', { planId: plan?.id ?? null, patientId, title, notes }));
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields ?? {});
      if (fields === null) setFailure(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={heading}>
      <form
        aria-label={heading}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="xs">
          <FormAlert message={failure} />
          <TextInput data-autofocus label="Title" placeholder="e.g. Restore lower left molar" value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={errors['title']} />
          <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(event) => setNotes(event.currentTarget.value)} error={errors['notes']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {plan === null ? 'Create plan' : 'Save plan'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

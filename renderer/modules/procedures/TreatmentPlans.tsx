import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { planStatusLabels, type PlanStatus, type PlanStep, type TreatmentPlan } from '#shared/modules/procedures/plan.ts';
import { api } from '../../api/api.ts';
import { messageOf } from '../../forms/schema-form.ts';
import { formatDateTime } from '../../format/time.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';
import { BookStepModal } from './BookStepModal.tsx';
import { PlanCard, type PlanActions, type PlanPermissions } from './PlanCard.tsx';
import { PlanFormModal } from './PlanFormModal.tsx';
import { StepFormModal } from './StepFormModal.tsx';

type Dialog = { kind: 'plan'; plan: TreatmentPlan | null } | { kind: 'step'; plan: TreatmentPlan; step: PlanStep | null } | { kind: 'book'; plan: TreatmentPlan; step: PlanStep } | null;

/** A patient's treatment plans with their steps, and the dialogs that write and book them. */
export function TreatmentPlans({ patientId, plans, reload, headingOrder, permissions }: { patientId: string; plans: readonly TreatmentPlan[]; reload: () => void; headingOrder: 2 | 3; permissions: PlanPermissions }) {
  const timeZone = useClinicZone();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = (): void => setDialog(null);
  const saved = (): void => {
    setDialog(null);
    reload();
  };
  const attempt = async (work: () => Promise<unknown>, done: string): Promise<void> => {
    try {
      await work();
      notifications.show({ color: 'teal', title: 'Saved', message: done });
      reload();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not saved', message: messageOf(error) });
    }
  };
  const actions: PlanActions = {
    onMove: (plan: TreatmentPlan, status: PlanStatus) => void attempt(() => api.call('procedures.movePlan', { planId: plan.id, status }), `${plan.title} is ${planStatusLabels[status].toLowerCase()}.`),
    onEdit: (plan) => setDialog({ kind: 'plan', plan }),
    onAddStep: (plan) => setDialog({ kind: 'step', plan, step: null }),
    onEditStep: (plan, step) => setDialog({ kind: 'step', plan, step }),
    onCancelStep: (plan, step) => void attempt(() => api.call('procedures.cancelStep', { planId: plan.id, stepId: step.id }), `Step ${String(step.position)} of ${plan.title} is cancelled.`),
    onBookStep: (plan, step) => setDialog({ kind: 'book', plan, step }),
  };
  return (
    <Stack gap="xs" component="section" aria-label="Treatment plans">
      <Group justify="space-between">
        <Title order={headingOrder} size="h4">
          Treatment plans
        </Title>
        {permissions.canWrite && (
          <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'plan', plan: null })}>
            New treatment plan…
          </Button>
        )}
      </Group>
      {plans.length === 0 && (
        <Text size="sm" c="dimmed">
          No treatment plans.
        </Text>
      )}
      {plans.map((plan) => (
        <PlanCard key={plan.id} plan={plan} headingOrder={headingOrder === 2 ? 3 : 4} permissions={permissions} actions={actions} />
      ))}
      {dialog?.kind === 'plan' && <PlanFormModal patientId={patientId} plan={dialog.plan} onClose={close} onSaved={saved} />}
      {dialog?.kind === 'step' && <StepFormModal plan={dialog.plan} step={dialog.step} onClose={close} onSaved={saved} />}
      {dialog?.kind === 'book' && (
        <BookStepModal
          plan={dialog.plan}
          step={dialog.step}
          onClose={close}
          onBooked={(result) => {
            notifications.show({ color: 'teal', title: 'Booked', message: `Follow-up ${result.appointmentReference} on ${formatDateTime(result.startAt, timeZone)}.` });
            saved();
          }}
        />
      )}
    </Stack>
  );
}

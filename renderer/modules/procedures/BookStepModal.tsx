import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { CallResult } from '#shared/api/contract.ts';
import type { PlanStep, TreatmentPlan } from '#shared/modules/procedures/plan.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { formatDate, formatWallTime } from '../../format/time.ts';
import { useClinicToday } from '../../state/clinic-hooks.ts';

/**
 * Books a plan step as a follow-up appointment with the plan's doctor: at the next free slot from
 * the step's planned date, or at a free slot chosen on a day.
 */
export function BookStepModal({ plan, step, onClose, onBooked }: { plan: TreatmentPlan; step: PlanStep; onClose: () => void; onBooked: (result: CallResult<'procedures.bookStep'>) => void }) {
  const today = useClinicToday();
  const [date, setDate] = useState(step.plannedDate !== null && step.plannedDate > today ? step.plannedDate : today);
  const [startAt, setStartAt] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const slots = useCall('slots.list', date === '' ? null : { doctorUserId: plan.doctor.userId, fromDate: date, toDate: date });
  const free = slots.status === 'done' ? slots.result.slots.filter((slot) => slot.free) : [];
  const heading = `Book step ${String(step.position)}: ${step.name}`;

  const book = async (at: string | null): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      onBooked(await api.call('procedures.bookStep', { planId: plan.id, stepId: step.id, startAt: at }));
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={heading} size="lg">
      <Stack gap="xs">
        <FormAlert message={failure} />
        <Text size="sm">
          A follow-up with {plan.doctor.fullName}
          {step.plannedDate === null ? '' : `, planned for ${formatDate(step.plannedDate)}`}.
        </Text>
        <Group>
          <Button data-autofocus onClick={() => void book(null)} loading={busy}>
            Book next free slot
          </Button>
        </Group>
        <Group grow align="flex-end">
          <TextInput label="Or on this day" type="date" value={date} onChange={(event) => { setDate(event.currentTarget.value); setStartAt(null); }} />
          <Select
            label="Free slot"
            placeholder={slots.status === 'failed' ? slots.error.message : free.length === 0 ? 'No free slot that day' : 'Choose a time'}
            data={free.map((slot) => ({ value: slot.startAt, label: formatWallTime(slot.localStart) }))}
            value={startAt}
            onChange={setStartAt}
            disabled={free.length === 0}
           
          />
          <Button variant="light" disabled={startAt === null} loading={busy} onClick={() => void book(startAt)}>
            Book this slot
          </Button>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

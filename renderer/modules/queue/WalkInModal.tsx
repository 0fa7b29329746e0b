import { Button, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueueEntry } from '#shared/modules/queue/calls.ts';
import { queuePriorities, queuePriorityLabels, type QueuePriority } from '#shared/modules/queue/queue.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { patientName } from '../../format/people.ts';
import { useAppStore } from '../../state/store.ts';
import { draftFromSearch, PatientFormModal, PatientPicker, type PickedPatient } from '../patients/index.ts';
import { printTokenSlip } from './token-slip.ts';

const ANY_DOCTOR = 'ANY';

/** Picking the patient, registering one the search did not find, then the token it got. */
type Step = { readonly kind: 'pick' } | { readonly kind: 'register'; readonly typed: string } | { readonly kind: 'queued'; readonly entry: QueueEntry; readonly patient: PickedPatient };

/** Only what the dialog shows of a record: the rest stays out of its state. */
function pickedOf(record: PickedPatient): PickedPatient {
  return { id: record.id, mrn: record.mrn, givenName: record.givenName, familyName: record.familyName };
}

/** The token just given, with its slip one Enter away. */
function QueuedStep({ entry, patient, onClose }: { entry: QueueEntry; patient: PickedPatient; onClose: () => void }) {
  const clinic = useAppStore((state) => state.session?.activeClinic ?? null);
  const print = (): void => {
    if (clinic !== null) printTokenSlip({ clinicName: clinic.name, token: entry.token, priority: entry.priority, arrivedAt: entry.arrivedAt, timeZone: clinic.timeZone });
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={`Token ${entry.token}`}>
      <Stack>
        <Text role="status">
          {patientName(patient)} is in today’s queue with token <strong>{entry.token}</strong>, {queuePriorityLabels[entry.priority]}.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Done
          </Button>
          <Button data-autofocus onClick={print}>
            Print token slip
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * A patient without an appointment joins today's queue: for a doctor or any doctor, with a
 * priority. A patient the search does not find is registered on the way, with the same form.
 */
export function WalkInModal({ patient: initial, onClose }: { patient: PickedPatient | null; onClose: () => void }) {
  const doctors = useCall('doctors.list', {});
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [patient, setPatient] = useState(initial);
  const [doctor, setDoctor] = useState<string>(ANY_DOCTOR);
  const [priority, setPriority] = useState<QueuePriority>('GREEN');
  const [failure, setFailure] = useState<string | null>(null);
  const priorityControl = useRef<HTMLDivElement>(null);

  // Once the patient is known, the next thing to decide is the priority, so focus goes there:
  // when the dialog opens (again) with a patient, the dialog's own first focus lands on it (it
  // takes the element marked data-autofocus); when one is picked in the dialog, right after.
  const known = patient !== null;
  const priorityRef = useCallback(
    (node: HTMLDivElement | null) => {
      priorityControl.current = node;
      if (node !== null && known) node.querySelector('input:checked')?.setAttribute('data-autofocus', '');
    },
    [known],
  );
  const picked = patient?.id ?? null;
  useEffect(() => {
    if (picked === null) return;
    const timer = setTimeout(() => priorityControl.current?.querySelector<HTMLInputElement>('input:checked')?.focus());
    return () => clearTimeout(timer);
  }, [picked]);

  const add = async (): Promise<void> => {
    if (patient === null) {
      setFailure('Choose a patient.');
      return;
    }
    try {
      const entry = await api.call('queue.addWalkIn', { patientId: patient.id, doctorUserId: doctor === ANY_DOCTOR ? null : doctor, priority });
      notifications.show({ color: 'green', title: `Token ${entry.token}`, message: `${patientName(patient)} is in the queue.` });
      setStep({ kind: 'queued', entry, patient });
    } catch (error) {
      setFailure(messageOf(error));
    }
  };

  const pickRegistered = async (patientId: string): Promise<void> => {
    try {
      setPatient(pickedOf(await api.call('patients.get', { patientId })));
    } catch (error) {
      setFailure(messageOf(error));
    }
    setStep({ kind: 'pick' });
  };

  if (step.kind === 'queued') return <QueuedStep entry={step.entry} patient={step.patient} onClose={onClose} />;
  if (step.kind === 'register') {
    return (
      <PatientFormModal
        existing={null}
        draft={draftFromSearch(step.typed)}
        onClose={() => setStep({ kind: 'pick' })}
        onSaved={(record) => {
          setPatient(pickedOf(record));
          setStep({ kind: 'pick' });
        }}
        onOpenOther={(patientId) => void pickRegistered(patientId)}
      />
    );
  }

  const options = [{ value: ANY_DOCTOR, label: 'Any doctor' }, ...(doctors.status === 'done' ? doctors.result.doctors.filter((entry) => entry.bookable).map((entry) => ({ value: entry.userId, label: entry.fullName })) : [])];
  return (
    <Modal opened onClose={onClose} size="lg" title="Add to today’s queue">
      <form
        aria-label="Add to the queue"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
        onKeyDown={(event) => {
          // Enter on the priority adds to the queue, as it would from a text field.
          if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type === 'radio') {
            event.preventDefault();
            event.currentTarget.requestSubmit();
          }
        }}
      >
        <Stack>
          <PatientPicker value={patient} onChange={setPatient} onRegisterNew={(typed) => setStep({ kind: 'register', typed })} />
          <Select label="Doctor" allowDeselect={false} data={options} value={doctor} onChange={(value) => setDoctor(value ?? ANY_DOCTOR)} />
          <SegmentedControl ref={priorityRef} aria-label="Priority" data={queuePriorities.map((value) => ({ value, label: queuePriorityLabels[value] }))} value={priority} onChange={(value) => setPriority(queuePriorities.find((candidate) => candidate === value) ?? 'GREEN')} />
          <FormAlert message={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={patient === null}>
              Add to queue
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

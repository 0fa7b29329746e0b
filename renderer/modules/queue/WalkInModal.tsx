import { Button, Group, Modal, SegmentedControl, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { queuePriorities, queuePriorityLabels, type QueuePriority } from '#shared/modules/queue/queue.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { patientName } from '../../format/people.ts';
import { PatientPicker, type PickedPatient } from '../patients/index.ts';

const ANY_DOCTOR = 'ANY';

/** A patient without an appointment joins today's queue: for a doctor or any doctor, with a priority. */
export function WalkInModal({ patient: initial, onClose }: { patient: PickedPatient | null; onClose: () => void }) {
  const doctors = useCall('doctors.list', {});
  const [patient, setPatient] = useState(initial);
  const [doctor, setDoctor] = useState<string>(ANY_DOCTOR);
  const [priority, setPriority] = useState<QueuePriority>('GREEN');
  const [failure, setFailure] = useState<string | null>(null);
  const add = async (): Promise<void> => {
    if (patient === null) {
      setFailure('Choose a patient.');
      return;
    }
    try {
      const entry = await api.call('queue.addWalkIn', { patientId: patient.id, doctorUserId: doctor === ANY_DOCTOR ? null : doctor, priority });
      notifications.show({ color: 'green', title: `Token ${entry.token}`, message: `${patientName(patient)} is in the queue.` });
      onClose();
    } catch (error) {
      setFailure(messageOf(error));
    }
  };
  const options = [{ value: ANY_DOCTOR, label: 'Any doctor' }, ...(doctors.status === 'done' ? doctors.result.doctors.filter((entry) => entry.bookable).map((entry) => ({ value: entry.userId, label: entry.fullName })) : [])];
  return (
    <Modal opened onClose={onClose} size="lg" title="Add to today’s queue">
      <form
        aria-label="Add to the queue"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <Stack>
          <PatientPicker value={patient} onChange={setPatient} />
          <Select label="Doctor" allowDeselect={false} data={options} value={doctor} onChange={(value) => setDoctor(value ?? ANY_DOCTOR)} />
          <SegmentedControl aria-label="Priority" data={queuePriorities.map((value) => ({ value, label: queuePriorityLabels[value] }))} value={priority} onChange={(value) => setPriority(queuePriorities.find((candidate) => candidate === value) ?? 'GREEN')} />
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

import { Button, Group, Menu, Modal, Stack, Text, TextInput, Timeline } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Appointment } from '#shared/modules/appointments/calls.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { formatDateTime, localDateIn } from '../../format/time.ts';
import { useClinicToday, useClinicZone, useIsFrontDesk } from '../../state/clinic-hooks.ts';
import { BookingModal } from './BookingModal.tsx';

type Dialog = 'cancel' | 'history' | 'reschedule' | null;

function HistoryModal({ appointment, onClose }: { appointment: Appointment; onClose: () => void }) {
  const timeZone = useClinicZone();
  const history = useCall('appointments.history', { appointmentId: appointment.id });
  return (
    <Modal opened onClose={onClose} title={`History of ${appointment.reference}`}>
      {history.status === 'done' && (
        <Timeline bulletSize={14} lineWidth={2}>
          {history.result.events.map((event, index) => (
            <Timeline.Item key={`${event.at}-${String(index)}`} title={event.kind.replace('_', ' ').toLowerCase()}>
              <Text size="xs" c="dimmed">
                {formatDateTime(event.at, timeZone)} · {event.userName ?? 'unknown'}
              </Text>
              {event.fromStartAt !== null && event.toStartAt !== null && (
                <Text size="xs">
                  {formatDateTime(event.fromStartAt, timeZone)} → {formatDateTime(event.toStartAt, timeZone)}
                </Text>
              )}
              {event.note !== '' && <Text size="xs">{event.note}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Modal>
  );
}

function CancelModal({ appointment, onClose }: { appointment: Appointment; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const cancel = async (): Promise<void> => {
    try {
      await api.call('appointments.cancel', { appointmentId: appointment.id, reason });
      onClose();
    } catch (error) {
      setFailure(messageOf(error));
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Cancel ${appointment.reference}`}>
      <form
        aria-label="Cancel appointment"
        onSubmit={(event) => {
          event.preventDefault();
          void cancel();
        }}
      >
        <Stack>
          <TextInput label="Reason for cancelling" required data-autofocus value={reason} onChange={(event) => setReason(event.currentTarget.value)} />
          <FormAlert message={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep it
            </Button>
            <Button type="submit" color="red" disabled={reason.trim() === ''}>
              Cancel appointment
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** What the desk can do with one appointment, depending on its status and the day. */
export function AppointmentActions({ appointment }: { appointment: Appointment }) {
  const timeZone = useClinicZone();
  const today = useClinicToday();
  const frontDesk = useIsFrontDesk();
  const [dialog, setDialog] = useState<Dialog>(null);
  const isToday = localDateIn(appointment.startAt, timeZone) === today;
  const checkIn = async (): Promise<void> => {
    try {
      const entry = await api.call('queue.checkIn', { appointmentId: appointment.id });
      notifications.show({ color: 'green', title: `Token ${entry.token}`, message: `${appointment.patient.givenName} ${appointment.patient.familyName} is in the queue.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not checked in', message: messageOf(error) });
    }
  };
  return (
    <>
      <Group gap={4} wrap="nowrap">
        {frontDesk && isToday && (appointment.status === 'SCHEDULED' || appointment.status === 'NO_SHOW') && (
          <Button size="xs" onClick={() => void checkIn()} aria-label={`Check in ${appointment.patient.givenName} ${appointment.patient.familyName}`}>
            Check in
          </Button>
        )}
        <Menu position="bottom-end">
          <Menu.Target>
            <Button size="xs" variant="default" aria-label={`More for ${appointment.reference}`}>
              …
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {frontDesk && appointment.status === 'SCHEDULED' && <Menu.Item onClick={() => setDialog('reschedule')}>Reschedule</Menu.Item>}
            {frontDesk && (appointment.status === 'SCHEDULED' || appointment.status === 'CHECKED_IN') && (
              <Menu.Item color="red" onClick={() => setDialog('cancel')}>
                Cancel
              </Menu.Item>
            )}
            <Menu.Item onClick={() => setDialog('history')}>History</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {dialog === 'history' && <HistoryModal appointment={appointment} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && <CancelModal appointment={appointment} onClose={() => setDialog(null)} />}
      {dialog === 'reschedule' && <RescheduleModal appointment={appointment} onClose={() => setDialog(null)} />}
    </>
  );
}

/** Moving an appointment is picking a new free slot; its reference and history stay. */
function RescheduleModal({ appointment, onClose }: { appointment: Appointment; onClose: () => void }) {
  return (
    <BookingModal
      start={{ patient: appointment.patient, doctorUserId: appointment.doctor.userId, slot: null }}
      onClose={onClose}
      reschedule={appointment}
    />
  );
}

import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { Appointment } from '#shared/modules/appointments/calls.ts';
import type { Doctor } from '#shared/modules/doctors/index.ts';
import { appointmentTypeLabels, appointmentTypes, type AppointmentType } from '#shared/modules/appointments/appointment.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { patientName } from '../../format/people.ts';
import { formatDate, formatTime, formatWallTime, localDateIn } from '../../format/time.ts';
import { useClinicToday, useClinicZone } from '../../state/clinic-hooks.ts';
import { PatientPicker, type PickedPatient } from '../patients/index.ts';
import { SlotGrid, type SlotView } from './SlotGrid.tsx';

export type BookingStart = { patient: PickedPatient | null; doctorUserId: string | null; slot: SlotView | null };

function doctorLabel(doctor: Doctor): string {
  return `${doctor.fullName}${doctor.specialization === null ? '' : ` · ${doctor.specialization}`}`;
}

/** Books an appointment: a patient, a doctor and one of the doctor's free slots, or the next free one. */
export function BookingModal({ start, onClose, reschedule }: { start: BookingStart; onClose: () => void; reschedule?: Appointment }) {
  const timeZone = useClinicZone();
  const today = useClinicToday();
  const doctors = useCall('doctors.list', {});
  const bookable = doctors.status === 'done' ? doctors.result.doctors.filter((doctor) => doctor.bookable) : [];
  const specializations = [...new Set(bookable.flatMap((doctor) => (doctor.specialization === null ? [] : [doctor.specialization])))].sort();

  const [patient, setPatient] = useState<PickedPatient | null>(start.patient);
  const [doctorUserId, setDoctorUserId] = useState<string | null>(start.doctorUserId);
  const [date, setDate] = useState(start.slot?.localDate ?? today);
  const [slot, setSlot] = useState<SlotView | null>(start.slot);
  const [slots, setSlots] = useState<SlotView[]>([]);
  const [type, setType] = useState<AppointmentType>('IN_PERSON');
  const [reason, setReason] = useState('');
  const [notes, setNotes] = useState('');
  const [specialization, setSpecialization] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (doctorUserId === null || date === '') {
      setSlots([]);
      return;
    }
    let current = true;
    api.call('slots.list', { doctorUserId, fromDate: date, toDate: date }).then(
      (result) => current && setSlots(result.slots),
      (error: unknown) => current && setFailure(messageOf(error)),
    );
    return () => {
      current = false;
    };
  }, [doctorUserId, date]);

  const nextFree = async (): Promise<void> => {
    setFailure(null);
    try {
      const { found } = await api.call('slots.nextFree', doctorUserId !== null && specialization === null ? { doctorUserId } : { specialization: specialization ?? '' });
      if (found === null) {
        setFailure('No free slot in the next three months.');
        return;
      }
      setDoctorUserId(found.doctorUserId);
      setDate(found.slot.localDate);
      setSlot(found.slot);
    } catch (error) {
      setFailure(messageOf(error));
    }
  };

  const book = async (): Promise<void> => {
    if (patient === null || doctorUserId === null || slot === null) {
      setFailure('Choose a patient, a doctor and a free slot.');
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const booked =
        reschedule === undefined
          ? await api.call('appointments.book', { patientId: patient.id, doctorUserId, startAt: slot.startAt, type, reason, notes })
          : await api.call('appointments.reschedule', { appointmentId: reschedule.id, startAt: slot.startAt, doctorUserId });
      notifications.show({ color: 'green', title: `${reschedule === undefined ? 'Booked' : 'Moved'} ${booked.reference}`, message: `${patientName(booked.patient)} with ${booked.doctor.fullName}, ${formatDate(slot.localDate)} at ${formatTime(booked.startAt, timeZone)}.` });
      onClose();
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={reschedule === undefined ? 'Book an appointment' : `Move ${reschedule.reference}`}>
      <form
        aria-label="Book an appointment"
        onSubmit={(event) => {
          event.preventDefault();
          void book();
        }}
      >
        <Stack>
          {reschedule === undefined ? <PatientPicker value={patient} onChange={setPatient} /> : <Text>{patientName(reschedule.patient)} · now {formatDate(localDateIn(reschedule.startAt, timeZone))} at {formatTime(reschedule.startAt, timeZone)}</Text>}
          <Group align="flex-end" grow>
            <Select
              label="Doctor"
              searchable
              data={bookable.map((doctor) => ({ value: doctor.userId, label: doctorLabel(doctor) }))}
              value={doctorUserId}
              onChange={(value) => {
                setDoctorUserId(value);
                setSpecialization(null);
                setSlot(null);
              }}
              nothingFoundMessage="No bookable doctor"
            />
            <Select label="Or any doctor of" clearable data={specializations} value={specialization} onChange={setSpecialization} placeholder="Specialization" />
          </Group>
          <Group align="flex-end">
            <TextInput
              label="Day"
              type="date"
              value={date}
              onChange={(event) => {
                setDate(event.currentTarget.value);
                setSlot(null);
              }}
            />
            <Button variant="light" onClick={() => void nextFree()} disabled={doctorUserId === null && specialization === null}>
              Next free slot
            </Button>
          </Group>
          {doctorUserId !== null && <SlotGrid slots={slots} days={[date]} selected={slot?.startAt ?? null} onSelect={setSlot} />}
          {slot !== null && (
            <Alert color="teal" role="status">
              {formatDate(slot.localDate)} at {formatWallTime(slot.localStart)} with {bookable.find((doctor) => doctor.userId === doctorUserId)?.fullName ?? 'the doctor'}
            </Alert>
          )}
          {reschedule === undefined && <SegmentedControl aria-label="Kind of appointment" data={appointmentTypes.map((value) => ({ value, label: appointmentTypeLabels[value] }))} value={type} onChange={(value) => setType(appointmentTypes.find((candidate) => candidate === value) ?? 'IN_PERSON')} />}
          {reschedule === undefined && <TextInput label="Reason" value={reason} maxLength={300} onChange={(event) => setReason(event.currentTarget.value)} />}
          {reschedule === undefined && <Textarea label="Notes" autosize minRows={1} maxLength={1000} value={notes} onChange={(event) => setNotes(event.currentTarget.value)} />}
          <FormAlert message={failure} />
          {bookable.length === 0 && doctors.status === 'done' && <Text c="dimmed">No doctor can be booked yet: fill in a doctor profile and schedule under Doctors.</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={slot === null || patient === null}>
              {reschedule === undefined ? 'Book appointment' : 'Move appointment'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

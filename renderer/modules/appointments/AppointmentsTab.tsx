import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { messageOf } from '../../forms/schema-form.ts';
import { patientName } from '../../format/people.ts';
import { addDays, formatDate, weekStart } from '../../format/time.ts';
import { useClinicToday, useIsFrontDesk } from '../../state/clinic-hooks.ts';
import { AppointmentList, AppointmentStatusBadge } from './AppointmentList.tsx';
import { BookingModal, type BookingStart } from './BookingModal.tsx';
import { SlotGrid } from './SlotGrid.tsx';

/** A doctor's day or week: free slots to book, taken ones with who is booked; the list below. */
export function AppointmentsTab() {
  const today = useClinicToday();
  const frontDesk = useIsFrontDesk();
  const doctors = useCall('doctors.list', {});
  const [doctorUserId, setDoctorUserId] = useState<string | null>(null);
  const [view, setView] = useState<'day' | 'week'>('day');
  const [date, setDate] = useState(today);
  const [booking, setBooking] = useState<BookingStart | null>(null);
  const fromDate = view === 'day' ? date : weekStart(date);
  const toDate = view === 'day' ? date : addDays(fromDate, 6);
  const days = view === 'day' ? [date] : Array.from({ length: 7 }, (_, index) => addDays(fromDate, index));
  const bookable = doctors.status === 'done' ? doctors.result.doctors.filter((doctor) => doctor.bookable) : [];
  const chosen = doctorUserId ?? bookable[0]?.userId ?? null;
  const slots = useCall('slots.list', chosen === null ? null : { doctorUserId: chosen, fromDate, toDate });
  const listed = useCall('appointments.list', { fromDate, toDate, ...(chosen === null ? {} : { doctorUserId: chosen }) });
  const appointments = listed.status === 'done' ? listed.result.appointments : [];
  const active = appointments.filter((appointment) => appointment.status !== 'CANCELLED');

  const markNoShows = async (): Promise<void> => {
    try {
      const { marked } = await api.call('appointments.markNoShows', { date });
      notifications.show({ color: marked === 0 ? 'gray' : 'orange', message: marked === 0 ? 'Nobody to mark: every past appointment was seen or cancelled.' : `${String(marked)} marked as no-show.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not marked', message: messageOf(error) });
    }
  };

  return (
    <Stack>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <Select label="Doctor" w={260} allowDeselect={false} data={bookable.map((doctor) => ({ value: doctor.userId, label: doctor.fullName }))} value={chosen} onChange={setDoctorUserId} nothingFoundMessage="No bookable doctor" />
          <TextInput label="Date" type="date" value={date} onChange={(event) => setDate(event.currentTarget.value === '' ? today : event.currentTarget.value)} />
          <SegmentedControl aria-label="View" data={[{ value: 'day', label: 'Day' }, { value: 'week', label: 'Week' }]} value={view} onChange={(value) => setView(value === 'week' ? 'week' : 'day')} />
          <Button variant="default" onClick={() => setDate(addDays(date, view === 'day' ? -1 : -7))} aria-label="Earlier">
            ‹
          </Button>
          <Button variant="default" onClick={() => setDate(today)}>
            Today
          </Button>
          <Button variant="default" onClick={() => setDate(addDays(date, view === 'day' ? 1 : 7))} aria-label="Later">
            ›
          </Button>
        </Group>
        {frontDesk && (
          <Group>
            <Button variant="light" onClick={() => setBooking({ patient: null, doctorUserId: chosen, slot: null })}>
              Book…
            </Button>
            {date <= today && (
              <Button variant="default" color="orange" onClick={() => void markNoShows()}>
                Mark no-shows for {formatDate(date)}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {chosen === null && doctors.status === 'done' && <Text c="dimmed">No doctor can be booked yet: add a doctor profile and a weekly schedule under Doctors.</Text>}
      {chosen !== null && slots.status === 'done' && (
        <SlotGrid
          slots={slots.result.slots}
          days={days}
          onSelect={(slot) => frontDesk && setBooking({ patient: null, doctorUserId: chosen, slot })}
          renderTaken={(slot) => {
            const taken = active.find((appointment) => appointment.startAt === slot.startAt);
            return taken === undefined ? null : (
              <Group gap={4} wrap="nowrap">
                <Text size="xs">{patientName(taken.patient)}</Text>
                <AppointmentStatusBadge status={taken.status} />
              </Group>
            );
          }}
        />
      )}
      <Title order={2} size="h4">
        {view === 'day' ? formatDate(date) : `${formatDate(fromDate)} – ${formatDate(toDate)}`}
      </Title>
      <AppointmentList appointments={appointments} showPatient label="Appointments" />
      {booking !== null && <BookingModal start={booking} onClose={() => setBooking(null)} />}
    </Stack>
  );
}

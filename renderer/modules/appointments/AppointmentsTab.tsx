import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { messageOf } from '../../forms/schema-form.ts';
import { patientName } from '../../format/people.ts';
import { addDays, formatDate, weekStart } from '../../format/time.ts';
import { useClinicToday, useIsFrontDesk } from '../../state/clinic-hooks.ts';
import { useAppStore } from '../../state/store.ts';
import { AppointmentList, AppointmentStatusBadge } from './AppointmentList.tsx';
import { BookingModal, type BookingStart } from './BookingModal.tsx';
import { DoctorsDayGrid } from './DoctorsDayGrid.tsx';
import { PrintDayList } from './PrintDayList.tsx';
import { SlotGrid, type SlotView } from './SlotGrid.tsx';
import { useDoctorsSlots } from './use-doctors-slots.ts';

type View = 'day' | 'week' | 'doctors';
const views: readonly { value: View; label: string }[] = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
  { value: 'doctors', label: 'All doctors' },
];

/**
 * A doctor's day or week, or every doctor's day side by side: free slots to book, taken ones with
 * who is booked, the list below; and the day's list on paper.
 */
export function AppointmentsTab() {
  const today = useClinicToday();
  const frontDesk = useIsFrontDesk();
  const clinicName = useAppStore((state) => state.session?.activeClinic?.name ?? '');
  const doctors = useCall('doctors.list', {});
  const [doctorUserId, setDoctorUserId] = useState<string | null>(null);
  const [view, setView] = useState<View>('day');
  const [date, setDate] = useState(today);
  const [booking, setBooking] = useState<BookingStart | null>(null);
  const [printing, setPrinting] = useState(false);
  const week = view === 'week';
  const fromDate = week ? weekStart(date) : date;
  const toDate = week ? addDays(fromDate, 6) : date;
  const days = week ? Array.from({ length: 7 }, (_, index) => addDays(fromDate, index)) : [date];
  const bookable = doctors.status === 'done' ? doctors.result.doctors.filter((doctor) => doctor.bookable) : [];
  const chosen = doctorUserId ?? bookable[0]?.userId ?? null;
  const everyDoctor = view === 'doctors';
  const slots = useCall('slots.list', chosen === null || everyDoctor ? null : { doctorUserId: chosen, fromDate, toDate });
  const doctorsSlots = useDoctorsSlots(everyDoctor ? bookable.map((doctor) => doctor.userId) : [], date);
  const listed = useCall('appointments.list', { fromDate, toDate, ...(chosen === null || everyDoctor ? {} : { doctorUserId: chosen }) });
  const appointments = listed.status === 'done' ? listed.result.appointments : [];
  const active = appointments.filter((appointment) => appointment.status !== 'CANCELLED');
  const dayOfEveryDoctor = useCall('appointments.list', printing ? { fromDate: date, toDate: date } : null);
  const printed = useCallback(() => setPrinting(false), []);

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
          <Select label="Doctor" w={260} disabled={everyDoctor} allowDeselect={false} data={bookable.map((doctor) => ({ value: doctor.userId, label: doctor.fullName }))} value={chosen} onChange={setDoctorUserId} nothingFoundMessage="No bookable doctor" />
          <TextInput label="Date" type="date" value={date} onChange={(event) => setDate(event.currentTarget.value === '' ? today : event.currentTarget.value)} />
          <SegmentedControl aria-label="View" data={[...views]} value={view} onChange={(value) => setView(views.find((option) => option.value === value)?.value ?? 'day')} />
          <Button variant="default" onClick={() => setDate(addDays(date, week ? -7 : -1))} aria-label="Earlier">
            ‹
          </Button>
          <Button variant="default" onClick={() => setDate(today)}>
            Today
          </Button>
          <Button variant="default" onClick={() => setDate(addDays(date, week ? 7 : 1))} aria-label="Later">
            ›
          </Button>
          <Button variant="default" onClick={() => setPrinting(true)} loading={printing}>
            Print day list
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
      <Title order={2} size="h4">
        {week ? `${formatDate(fromDate)} – ${formatDate(toDate)}` : formatDate(date)}
      </Title>
      {chosen === null && doctors.status === 'done' && <Text c="dimmed">No doctor can be booked yet: add a doctor profile and a weekly schedule under Doctors.</Text>}
      {everyDoctor && doctorsSlots.status === 'failed' && <Text c="red">{doctorsSlots.message}</Text>}
      {everyDoctor && doctorsSlots.status === 'done' && (
        <DoctorsDayGrid
          date={date}
          doctors={bookable}
          slotsByDoctor={doctorsSlots.byDoctor}
          appointments={active}
          {...(frontDesk ? { onBook: (doctorOfSlot: string, slot: SlotView) => setBooking({ patient: null, doctorUserId: doctorOfSlot, slot }) } : {})}
        />
      )}
      {!everyDoctor && chosen !== null && slots.status === 'done' && (
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
      <AppointmentList appointments={appointments} showPatient label="Appointments" />
      {booking !== null && <BookingModal start={booking} onClose={() => setBooking(null)} />}
      {printing && dayOfEveryDoctor.status === 'done' && <PrintDayList clinicName={clinicName} date={date} appointments={dayOfEveryDoctor.result.appointments} onDone={printed} />}
    </Stack>
  );
}

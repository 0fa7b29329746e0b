import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Appointment } from '#shared/modules/appointments/calls.ts';
import { appointmentStatusLabels } from '#shared/modules/appointments/appointment.ts';
import { patientName } from '../../format/people.ts';
import { formatDate, formatTime } from '../../format/time.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';
import './print-day-list.css';

/** A day's bookings by doctor, in time order; cancelled ones are not on the list, nobody is coming. */
function byDoctor(appointments: readonly Appointment[]): { doctor: string; appointments: Appointment[] }[] {
  const groups = new Map<string, { doctor: string; appointments: Appointment[] }>();
  for (const appointment of [...appointments].sort((a, b) => a.startAt.localeCompare(b.startAt))) {
    if (appointment.status === 'CANCELLED') continue;
    const group = groups.get(appointment.doctor.userId) ?? { doctor: appointment.doctor.fullName, appointments: [] };
    group.appointments.push(appointment);
    groups.set(appointment.doctor.userId, group);
  }
  return [...groups.values()].sort((a, b) => a.doctor.localeCompare(b.doctor));
}

/**
 * The day list on paper: per doctor, each booking's time, patient, record number and status. It
 * is laid out in a sheet of its own beside the app (print-day-list.css shows only it on paper),
 * asks the browser to print once it is on the page, and goes when printing is over.
 */
export function PrintDayList({ clinicName, date, appointments, onDone }: { clinicName: string; date: string; appointments: readonly Appointment[]; onDone: () => void }) {
  const timeZone = useClinicZone();
  const [sheet] = useState(() => {
    const element = document.createElement('div');
    element.className = 'print-day-list';
    return element;
  });
  useLayoutEffect(() => {
    document.body.appendChild(sheet);
    document.body.classList.add('printing-day-list');
    return () => {
      document.body.classList.remove('printing-day-list');
      sheet.remove();
    };
  }, [sheet]);
  const done = useRef(onDone);
  const asked = useRef(false);
  useEffect(() => {
    // Once per sheet, even where React runs an effect twice to test it: print() returns when the
    // person has printed or cancelled.
    if (asked.current) return;
    asked.current = true;
    window.print();
    done.current();
  }, []);
  const groups = byDoctor(appointments);
  return createPortal(
    <article aria-label={`Day list for ${formatDate(date)}`}>
      <h1>
        {clinicName} · {formatDate(date)}
      </h1>
      {groups.length === 0 && <p>No appointments.</p>}
      {groups.map((group) => (
        <section key={group.doctor} aria-label={group.doctor}>
          <h2>{group.doctor}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Patient</th>
                <th scope="col">Record number</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {group.appointments.map((appointment) => (
                <tr key={appointment.id}>
                  <td>{formatTime(appointment.startAt, timeZone)}</td>
                  <td>{patientName(appointment.patient)}</td>
                  <td>{appointment.patient.mrn}</td>
                  <td>{appointmentStatusLabels[appointment.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </article>,
    sheet,
  );
}

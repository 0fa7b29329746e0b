import { and, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { QueueEntry } from '#shared/modules/queue/calls.ts';
import { compareQueueOrder } from '#shared/modules/queue/queue.ts';
import type { Db } from '../../db/database.ts';
import { appointments, patients, queueEntries, users } from '../../db/schema/index.ts';

const doctors = alias(users, 'doctor');

const finished = new Set(['DONE', 'LEFT']);

/** Queue entries with patient and doctor, the waiting ones in queue order (priority, then arrival), finished ones last. */
export function queueEntriesWhere(db: Db, where: SQL | undefined): QueueEntry[] {
  const entries = db
    .select({ entry: queueEntries, patient: patients, doctorName: doctors.fullName, reference: appointments.reference })
    .from(queueEntries)
    .innerJoin(patients, eq(patients.id, queueEntries.patientId))
    .leftJoin(doctors, eq(doctors.id, queueEntries.doctorUserId))
    .leftJoin(appointments, eq(appointments.id, queueEntries.appointmentId))
    .where(and(where))
    .all()
    .map(({ entry, patient, doctorName, reference }) => ({
      id: entry.id,
      serviceDate: entry.serviceDate,
      token: entry.token,
      priority: entry.priority,
      status: entry.status,
      patient: { id: patient.id, mrn: patient.mrn, givenName: patient.givenName, familyName: patient.familyName },
      doctor: entry.doctorUserId === null ? null : { userId: entry.doctorUserId, fullName: doctorName ?? '' },
      appointmentReference: reference,
      room: entry.room,
      arrivedAt: entry.arrivedAt,
      calledAt: entry.calledAt,
      startedAt: entry.startedAt,
      finishedAt: entry.finishedAt,
    }));
  return entries.sort((a, b) => Number(finished.has(a.status)) - Number(finished.has(b.status)) || compareQueueOrder(a, b));
}

export function queueEntryById(db: Db, id: string): QueueEntry | undefined {
  return queueEntriesWhere(db, eq(queueEntries.id, id))[0];
}

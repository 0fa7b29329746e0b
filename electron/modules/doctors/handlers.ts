import type { UserId } from '#shared/domain/ids.ts';
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { notFoundError, validationError } from '#shared/api/errors.ts';
import { weekdayLabels } from '#shared/modules/doctors/schedule.ts';
import { clinicContextOf } from '../../api/clinic-context.ts';
import type { ClinicContext } from '../clinics/index.ts';
import type { Db } from '../../db/database.ts';
import { doctorProfiles, scheduleExceptions } from '../../db/schema/index.ts';
import { doctorIn, doctorsOf } from './doctor-rows.ts';
import { doctorSlots } from './doctor-slots.ts';
import { earliestFree } from './next-free.ts';
import { exceptionOf, exceptionsOf, replaceWeeklySessions, weeklySessionsOf } from './schedule-rows.ts';
import { isoAt } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { Handlers } from '../../api/context.ts';

function requireDoctor(db: Db, clinic: ClinicContext, doctorUserId: UserId) {
  const doctor = doctorIn(db, clinic.clinicId, doctorUserId);
  if (doctor === undefined) throw notFoundError('That person is not a doctor of this clinic.');
  return doctor;
}

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export const doctorHandlers = {
  'doctors.list': (ctx) => ({ doctors: doctorsOf(ctx.db, clinicContextOf(ctx).clinicId) }),

  'doctors.saveProfile': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    requireDoctor(ctx.db, clinic, input.userId);
    const now = isoAt(clinic.nowMs);
    const { userId, ...profile } = input;
    ctx.write(
      (tx) =>
        tx
          .insert(doctorProfiles)
          .values({ userId, ...profile, createdAt: now, updatedAt: now })
          .onConflictDoUpdate({ target: doctorProfiles.userId, set: { ...profile, deletedAt: null, updatedAt: now } })
          .run(),
      { entityType: 'doctor', entityId: userId, detail: { fields: Object.keys(profile) } },
    );
    return requireDoctor(ctx.db, clinic, userId);
  },

  'schedules.get': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    requireDoctor(ctx.db, clinic, input.doctorUserId);
    return {
      sessions: weeklySessionsOf(ctx.db, clinic.clinicId, input.doctorUserId),
      exceptions: exceptionsOf(ctx.db, clinic.clinicId, input.doctorUserId, input.fromDate ?? clinic.today),
    };
  },

  'schedules.setWeekly': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    requireDoctor(ctx.db, clinic, input.doctorUserId);
    const sorted = [...input.sessions].sort((a, b) => a.weekday - b.weekday || minutes(a.startTime) - minutes(b.startTime));
    sorted.forEach((session, index) => {
      const next = sorted[index + 1];
      if (next !== undefined && next.weekday === session.weekday && minutes(next.startTime) < minutes(session.endTime)) {
        throw validationError(`sessions.${input.sessions.indexOf(next)}.startTime`, `Two sessions on ${weekdayLabels[session.weekday - 1] ?? 'one day'} overlap.`);
      }
    });
    ctx.write((tx) => replaceWeeklySessions(tx, clinic.clinicId, input.doctorUserId, sorted, clinic.nowMs), {
      entityType: 'doctor',
      entityId: input.doctorUserId,
      detail: { sessions: sorted.length },
    });
    return { sessions: weeklySessionsOf(ctx.db, clinic.clinicId, input.doctorUserId) };
  },

  'schedules.addException': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    if (input.doctorUserId !== null) requireDoctor(ctx.db, clinic, input.doctorUserId);
    const now = isoAt(clinic.nowMs);
    const id = newId();
    ctx.write((tx) => tx.insert(scheduleExceptions).values({ id, clinicId: clinic.clinicId, ...input, createdAt: now, updatedAt: now }).run(), {
      entityType: 'schedule_exception',
      entityId: id,
      detail: { kind: input.kind, date: input.date },
    });
    const row = ctx.db.select().from(scheduleExceptions).where(eq(scheduleExceptions.id, id)).get();
    if (row === undefined) throw new Error('exception vanished');
    return exceptionOf(row);
  },

  'schedules.removeException': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const now = isoAt(clinic.nowMs);
    const where = and(eq(scheduleExceptions.id, input.exceptionId), eq(scheduleExceptions.clinicId, clinic.clinicId));
    const row = ctx.db.select().from(scheduleExceptions).where(where).get();
    if (row === undefined || row.deletedAt !== null) throw notFoundError('That schedule change no longer exists.');
    ctx.write((tx) => tx.update(scheduleExceptions).set({ deletedAt: now, updatedAt: now }).where(where).run(), { entityType: 'schedule_exception', entityId: row.id });
    return { removed: true as const };
  },

  'slots.list': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    requireDoctor(ctx.db, clinic, input.doctorUserId);
    if (DateTime.fromISO(input.toDate).diff(DateTime.fromISO(input.fromDate), 'days').days > 62) {
      throw validationError('toDate', 'Show at most two months of slots at a time.');
    }
    // A slot that has begun is not offered: booking it would be refused (requireFreeSlot).
    const now = isoAt(clinic.nowMs);
    const slots = doctorSlots(ctx.db, { ...input, clinicId: clinic.clinicId, timeZone: clinic.timeZone }).map((slot) => {
      const past = slot.startAt <= now;
      return { ...slot, free: slot.free && !past, past };
    });
    return { slots, timeZone: clinic.timeZone };
  },

  'slots.nextFree': (ctx, input) => {
    const clinic = clinicContextOf(ctx);
    const doctors = doctorsOf(ctx.db, clinic.clinicId).filter((doctor) => doctor.bookable);
    const wanted = input.specialization?.toLowerCase();
    const candidates =
      input.doctorUserId !== undefined
        ? doctors.filter((doctor) => doctor.userId === input.doctorUserId)
        : doctors.filter((doctor) => doctor.specialization?.toLowerCase() === wanted);
    if (candidates.length === 0) {
      throw notFoundError(input.doctorUserId !== undefined ? 'That doctor cannot be booked: the profile is missing or inactive.' : 'No bookable doctor has that specialization here.');
    }
    const found = earliestFree(ctx.db, clinic, candidates.map((doctor) => doctor.userId));
    if (found === null) return { found: null };
    const doctor = candidates.find((candidate) => candidate.userId === found.doctorUserId);
    return { found: { doctorUserId: found.doctorUserId, doctorName: doctor?.fullName ?? '', slot: { ...found.slot, past: false } } };
  },
} satisfies Partial<Handlers>;

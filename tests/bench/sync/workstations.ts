import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';
import { createCore, type Core } from '#core/core.ts';
import { systemClock } from '#core/platform/clock.ts';
import { newId } from '#core/platform/ids.ts';
import { reversedPhoneDigits } from '#core/modules/patients/patient-values.ts';
import { countPending } from '#core/sync/outbox.ts';
import { adminAccount, sampleClinic } from '#tests/support/core-harness.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import type { BenchHub } from './bench-hub.ts';

export type BenchWorkstation = { readonly core: Core; readonly close: () => Promise<void> };

export async function call<N extends CallName>(core: Core, name: N, input: CallInput<N>, token: string | null = null): Promise<CallResult<N>> {
  const outcome = await core.dispatch({ call: name, input, token });
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as CallResult<N>;
}

/** A workstation with its own folder, reaching the hub over real HTTP. */
export async function openBenchWorkstation(name: string, options: { compareEveryMs?: number } = {}): Promise<BenchWorkstation> {
  const temp = makeTempDir(`clinic-bench-ws-${name}-`);
  const core = await createCore({ dataDir: temp.path, clock: systemClock, deviceName: `bench-${name}`, appVersion: 'bench', ...options });
  return {
    core,
    close: async () => {
      // The live-poke stream reports its end a moment after it is stopped; let it, before closing.
      await core.sync.stop();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await core.close();
      temp.remove();
    },
  };
}

export type FirstWorkstation = BenchWorkstation & { readonly token: string; readonly clinicId: string; readonly userId: string; readonly doctorIds: readonly string[] };

const DOCTORS = 10;

/**
 * The clinic's first workstation: set up with its doctors, connected to the hub, its data
 * uploaded. It stands in for the desks that made the history filled in at the hub, which it never
 * holds itself, so it does not compare with the hub (it would read the whole history again).
 */
export async function firstWorkstation(hub: BenchHub): Promise<FirstWorkstation> {
  const ws = await openBenchWorkstation('first', { compareEveryMs: Number.POSITIVE_INFINITY });
  const setup = await call(ws.core, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount });
  const token = setup.token ?? '';
  const clinicId = setup.activeClinic?.clinicId ?? '';
  const userId = ws.core.database.sqlite.prepare(`select id from users where username = ?`).pluck().get(adminAccount.username) as string;
  const doctorIds: string[] = [];
  for (let index = 1; index <= DOCTORS; index += 1) {
    const doctor = await call(ws.core, 'users.create', { fullName: `Doctor ${String(index)}`, username: `doctor${String(index)}`, email: '', phone: '', password: `doctor-password-${String(index)}`, role: 'DOCTOR' }, token);
    doctorIds.push(doctor.id);
  }
  const { code } = await hub.createEnrolmentCode({ clinicCode: sampleClinic.code, clinicId: null });
  await call(ws.core, 'sync.connect', { hubUrl: hub.url, code }, token);
  await ws.core.sync.syncNow();
  return { ...ws, token, clinicId, userId, doctorIds };
}

/** A new workstation joins the clinic and loads it; resolves when the first sync is done. */
export async function joinWorkstation(hub: BenchHub, clinicId: string, name: string): Promise<BenchWorkstation> {
  const ws = await openBenchWorkstation(name);
  const { code } = await hub.createEnrolmentCode({ clinicCode: sampleClinic.code, clinicId });
  await call(ws.core, 'sync.join', { hubUrl: hub.url, code });
  await ws.core.sync.syncNow();
  if (ws.core.sync.bootstrapping) throw new Error(`workstation ${name} did not finish its first sync: ${ws.core.sync.status().lastError ?? ''}`);
  return ws;
}

/** Counts the rows this workstation holds across the synced tables. */
export function syncedRowCount(core: Core, tables: readonly string[]): number {
  return tables.reduce((total, table) => total + (core.database.sqlite.prepare(`select count(*) from "${table}"`).pluck().get() as number), 0);
}

export type OfflineWork = {
  readonly clinicId: string;
  /** The desk user who books. */
  readonly userId: string;
  readonly doctorIds: readonly string[];
  readonly transactions: number;
  /** Makes record numbers, names and phones unique to this batch. */
  readonly tag: string;
  /** The day the visits are on, and the token letter, so two batches never look like one double booking. */
  readonly day: string;
  readonly series: string;
};

/**
 * Reception work done while the hub is out of reach, written the way the app writes (each local
 * transaction stamped, the capture triggers filling the outbox): per transaction two visits
 * (patient, appointment, booking event, queue token) and the previous visits closed.
 * Returns how many changes wait in the outbox.
 */
/** The days from 1935 on that the hub's register is born over (hub-fill.ts). */
const BIRTH_DAYS = 30_000;

export function makeOfflineChanges(core: Core, options: OfflineWork): number {
  const { sqlite, db } = core.database;
  const now = new Date().toISOString();
  const insertPatient = sqlite.prepare(
    `insert into patients (id, mrn, registered_clinic_id, given_name, family_name, sex, birth_date, phone, phone_digits_reversed, created_at, updated_at) values (?, ?, ?, ?, ?, 'FEMALE', ?, ?, ?, ?, ?)`,
  );
  const insertAppointment = sqlite.prepare(
    `insert into appointments (id, clinic_id, reference, patient_id, doctor_user_id, start_at, end_at, type, status, booked_by_user_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'IN_PERSON', 'CHECKED_IN', ?, ?, ?)`,
  );
  const insertEvent = sqlite.prepare(`insert into appointment_events (id, appointment_id, at, kind, user_id, created_at) values (?, ?, ?, 'BOOKED', ?, ?)`);
  const insertQueue = sqlite.prepare(
    `insert into queue_entries (id, clinic_id, service_date, token, token_series, token_number, patient_id, appointment_id, doctor_user_id, priority, status, arrived_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'GREEN', 'WAITING', ?, ?, ?)`,
  );
  const closeAppointment = sqlite.prepare(`update appointments set status = 'COMPLETED', updated_at = ? where id = ?`);
  const closeQueue = sqlite.prepare(`update queue_entries set status = 'DONE', finished_at = ?, updated_at = ? where id = ?`);
  // Setting the scene is not what is measured: commit without waiting for the disk meanwhile.
  sqlite.pragma('synchronous = OFF');
  let previous: { appointment: string; queue: string }[] = [];
  let visit = 0;
  const write = sqlite.transaction(() => {
    core.stamper.begin(db);
    const current: { appointment: string; queue: string }[] = [];
    for (let index = 0; index < 2; index += 1) {
      visit += 1;
      const patient = newId();
      const appointment = newId();
      const queue = newId();
      // Each round's people are new people, not duplicates of earlier rounds' that the receiving
      // workstation would rightly report as conflicts: their own phones and names, and birth dates
      // over the years the hub's register spans, so the duplicate check meets the others born on
      // the day, as in a clinic; a series' visits each on a day of their own, series 4,000 days apart.
      const phone = `0${String(options.series.charCodeAt(0))}${String(visit).padStart(7, '0')}`;
      const birthDay = (options.series.charCodeAt(0) * 4_000 + visit) % BIRTH_DAYS;
      insertPatient.run(patient, `${options.tag}-M${String(visit)}`, options.clinicId, `Walkin${options.tag}`, `Visitor${String(visit)}`, new Date(Date.UTC(1935, 0, 1) + birthDay * 86_400_000).toISOString().slice(0, 10), phone, reversedPhoneDigits(phone), now, now);
      // Each doctor's visits follow one another every 20 minutes, never overlapping.
      const doctor = options.doctorIds[visit % options.doctorIds.length] ?? options.userId;
      const startMs = Date.parse(`${options.day}T00:00:00.000Z`) + Math.floor(visit / options.doctorIds.length) * 1_200_000;
      insertAppointment.run(appointment, options.clinicId, `${options.tag}-A${String(visit)}`, patient, doctor, new Date(startMs).toISOString(), new Date(startMs + 900_000).toISOString(), options.userId, now, now);
      insertEvent.run(newId(), appointment, now, options.userId, now);
      insertQueue.run(queue, options.clinicId, options.day, `${options.series}${String(visit)}`, options.series, visit, patient, appointment, doctor, now, now, now);
      current.push({ appointment, queue });
    }
    for (const done of previous) {
      closeAppointment.run(now, done.appointment);
      closeQueue.run(now, now, done.queue);
    }
    previous = current;
  });
  for (let index = 0; index < options.transactions; index += 1) write();
  sqlite.pragma('synchronous = FULL');
  return countPending(sqlite).changes;
}

/**
 * The workstation back online: one sync by its own client, which sends everything waiting
 * batch after batch (and reads the little that is new for it). Returns the changes that went up.
 */
export async function catchUp(core: Core, waiting: number): Promise<number> {
  await core.sync.syncNow();
  const status = core.sync.status();
  if (status.lastError !== null) throw new Error(`the catch-up sync failed: ${status.lastError}`);
  if (status.pendingChanges !== 0) throw new Error(`${String(status.pendingChanges)} of ${String(waiting)} changes are still waiting after the catch-up sync`);
  if (status.rejections > 0) throw new Error('the hub rejected a benchmark change');
  return waiting;
}

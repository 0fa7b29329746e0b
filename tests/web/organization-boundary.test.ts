import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, contract, type CallName } from '#shared/api/contract.ts';
import { SYNC_MODE } from '#core/sync/change-stamps.ts';
import { writeSetting } from '#core/sync/settings.ts';
import { withCheckDigit } from '#shared/modules/medicines/gtin.ts';
import { ownPassword } from '#tests/support/core-harness.ts';
import { startDemoWebHost, type DemoWebHost } from '#tests/support/demo-web-host.ts';
import { freePort } from '#tests/support/free-port.ts';
import { Betrayals, masked, outcomeOf, stringsOf, type Answer } from './boundary/answers.ts';
import { contractProbes, type OwnIds, type TheirIds } from './boundary/contract-probes.ts';
import { differences, organizationRows, unplacedTables } from './boundary/organization-rows.ts';

// Issue 31's organization boundary test, from outside: the demo's two organizations side by side
// on one workstation, and every call of the contract made over HTTP by users of Lakeside with the
// ids, record numbers, usernames and names of the Riverside chain. Nothing of Riverside may
// appear in an answer, nothing of it may change, and each answer must be the one the same call
// gets with made-up values of the same shapes, so that nothing can be learnt by probing.

/**
 * Differences between the answer to the other organization's values and to made-up ones that are
 * known and accepted, each with its reason.
 */
const acceptedDifferences: Partial<Record<CallName, string>> = {
  'users.create': 'usernames are one namespace per workstation, since signing in names no organization: a taken one must be refused',
};

type Actor = { readonly label: string; readonly username: string; readonly password: string; token: string };

/** Real values of the other organization, each with made-up values of the same shapes to compare answers with. */
type World = { readonly name: string; readonly real: TheirIds; readonly madeUp: TheirIds };

function madeUpLike(real: TheirIds): TheirIds {
  const digits = (count: number): string => Array.from({ length: count }, () => String(randomInt(10))).join('');
  return {
    clinicId: uuidv7(),
    clinicCode: 'ZZZ99',
    clinicDetails: { ...real.clinicDetails, name: 'Nowhere Clinic' },
    userId: uuidv7(),
    username: `nobody-${digits(6)}`,
    password: `made up ${digits(8)}`,
    fullName: 'Nobody Anywhere',
    doctorUserId: uuidv7(),
    specialization: 'Nowhere studies',
    patientId: uuidv7(),
    otherPatientId: uuidv7(),
    // Unissued numbers of the other clinic's own series: what someone counting record numbers up would try.
    mrn: `${real.mrn.slice(0, 7)}${digits(6)}`,
    givenName: 'Nemo',
    familyName: `Nowhere${digits(4)}`,
    birthDate: `19${digits(2)}-0${String(randomInt(1, 10))}-1${String(randomInt(10))}`,
    phone: `+44 7${digits(9)}`,
    appointmentId: uuidv7(),
    appointmentDate: real.appointmentDate,
    entryId: uuidv7(),
    exceptionId: uuidv7(),
    conflictId: uuidv7(),
    rejectionId: real.rejectionId + 1000,
    productId: uuidv7(),
    productName: `Nowhereol${digits(4)}`,
    barcode: withCheckDigit(`590${digits(9)}`),
    barcodeId: uuidv7(),
    documentId: uuidv7(),
  };
}

/**
 * The workstation standalone, as the demo starts, or linked to a hub for Riverside (its hub away):
 * then Riverside's changes wait in its outbox and a refusal of the hub waits to be dismissed.
 */
const workstations = ['standalone', 'syncing for Riverside'] as const;

describe.each(workstations)('the boundary between organizations, probed through the web host, on a workstation %s', (workstation) => {
  let host: DemoWebHost;
  let clinicIds: Record<string, string>;
  let worlds: World[];
  let own: Omit<OwnIds, 'label'>;
  let actors: Actor[];

  const sqlite = () => host.core.database.sqlite;
  /** One row's text columns; absent ones read as ''. */
  const row = (sql: string, ...params: unknown[]): Record<string, string> => (sqlite().prepare(sql).get(...params) ?? {}) as Record<string, string>;

  async function post(name: string, input: unknown, token: string | null): Promise<Answer> {
    const response = await fetch(`${host.url}/api/call/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(input),
    });
    return { status: response.status, body: await response.json() };
  }

  async function signIn(username: string, password: string, code: string): Promise<string> {
    const token = (await host.call('auth.signIn', { username, password })).token ?? '';
    await host.call('auth.selectClinic', { clinicId: clinicIds[code] ?? '' }, token);
    return token;
  }

  /** After a probe that locked, ended or replaced the actor's session, the actor carries on in a fresh one. */
  async function keepSignedIn(actor: Actor): Promise<void> {
    const session = (await post('auth.session', {}, actor.token)).body as { ok: boolean; result?: { locked: boolean }; error?: { reason?: string } };
    if (session.ok && session.result?.locked !== true) return;
    const locked = session.result?.locked === true || session.error?.reason === 'SESSION_LOCKED';
    if (locked && (await host.core.dispatch({ call: 'auth.unlock', input: { password: actor.password }, token: actor.token })).ok) return;
    actor.token = (await host.call('auth.signIn', { username: actor.username, password: actor.password })).token ?? '';
  }

  beforeAll(async () => {
    host = await startDemoWebHost();
    clinicIds = Object.fromEntries((sqlite().prepare('select code, id from clinics').all() as { code: string; id: string }[]).map((row) => [row.code, row.id]));

    // Riverside: its demo data, a doctor's day off, a role-less account, and a conflict to resolve.
    const admin = await signIn('admin', 'demo-admin', 'RFC01');
    const doctorId = row(`select id from users where username = 'doctor'`)['id'] ?? '';
    const pharmacistId = row(`select id from users where username = 'pharmacist'`)['id'] ?? '';
    const exception = await host.call('schedules.addException', { doctorUserId: doctorId, date: '2026-03-20', kind: 'LEAVE', reason: 'Conference' }, admin);
    await host.call('users.revokeRole', { userId: pharmacistId, clinicId: clinicIds['RFC01'] ?? '', role: 'PHARMACIST' }, admin);
    const patients = sqlite().prepare(`select id, mrn, given_name, family_name, birth_date, phone from patients where registered_clinic_id = ? order by mrn`).all(clinicIds['RFC01']) as { id: string; mrn: string; given_name: string; family_name: string; birth_date: string; phone: string }[];
    const [first, second, third] = patients;
    if (first === undefined || second === undefined || third === undefined) throw new Error('the demo has no patients');
    const appointment = row(`select id, start_at from appointments where clinic_id = ? order by start_at limit 1`, clinicIds['RFC01']);
    const entry = row(`select id from queue_entries where clinic_id = ? limit 1`, clinicIds['RFC01']);
    // Only a linked workstation has pushes the hub could refuse; a standalone one is asked for a refusal that does not exist.
    const rejectionId =
      workstation === 'standalone'
        ? 1
        : Number(
            sqlite()
              .prepare(`insert into sync_rejections (pushed_seq, code, message, changes, rejected_at) values (1, 'FORBIDDEN', 'The hub refused this change.', ?, '2026-03-02T09:00:00.000Z') returning id`)
              .pluck()
              .get(JSON.stringify([{ table: 'users', rowId: pharmacistId, kind: 'update' }])),
          );
    const conflictId = uuidv7();
    const product = row(`select p.id, p.generic_name, b.code, b.id as barcode_id from medicine_products p join medicine_barcodes b on b.product_id = p.id where p.kind = 'MEDICINE' order by p.generic_name limit 1`);
    sqlite()
      .prepare(`insert into sync_conflicts (id, clinic_id, kind, row_ids, detected_at, created_at, updated_at) values (?, ?, 'DUPLICATE_PATIENT', ?, ?, ?, ?)`)
      .run(conflictId, clinicIds['RFC01'], JSON.stringify([first.id, second.id]), '2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z');
    // A document of Riverside's patient: its row is enough, the probes never reach its file.
    const documentId = uuidv7();
    const attachedAt = '2026-03-02T09:00:00.000Z';
    sqlite()
      .prepare(`insert into patient_documents (id, clinic_id, patient_id, type, document_date, title, file_name, mime_type, size_bytes, content_hash, uploaded_by_user_id, uploaded_at, created_at, updated_at) values (?, ?, ?, 'REFERRAL_LETTER', '2026-03-01', 'Referral', 'referral.pdf', 'application/pdf', 10, ?, ?, ?, ?, ?)`)
      .run(documentId, clinicIds['RFC01'], first.id, 'a'.repeat(64), doctorId, attachedAt, attachedAt, attachedAt);
    const clinicDetails = (code: string) => {
      const clinic = row(`select name, country, state, city, address, phone, currency, time_zone from clinics where code = ?`, code);
      return { name: clinic['name'] ?? '', country: clinic['country'] ?? '', state: clinic['state'] ?? '', city: clinic['city'] ?? '', address: clinic['address'] ?? '', phone: clinic['phone'] ?? '', currency: clinic['currency'] ?? '', timeZone: clinic['time_zone'] ?? '' };
    };
    const riverside = (code: string, user: { id: string; username: string; password: string; fullName: string }, patient: typeof first, other: typeof first): TheirIds => ({
      clinicId: clinicIds[code] ?? '',
      clinicCode: code,
      clinicDetails: clinicDetails(code),
      userId: user.id,
      username: user.username,
      password: user.password,
      fullName: user.fullName,
      doctorUserId: doctorId,
      specialization: 'General practice',
      patientId: patient.id,
      otherPatientId: other.id,
      mrn: patient.mrn,
      givenName: patient.given_name,
      familyName: patient.family_name,
      birthDate: patient.birth_date,
      phone: patient.phone,
      appointmentId: appointment['id'] ?? '',
      appointmentDate: (appointment['start_at'] ?? '').slice(0, 10),
      entryId: entry['id'] ?? '',
      exceptionId: exception.id,
      conflictId,
      rejectionId,
      productId: product['id'] ?? '',
      productName: product['generic_name'] ?? '',
      barcode: product['code'] ?? '',
      barcodeId: product['barcode_id'] ?? '',
      documentId,
    });
    const chainAdmin = { id: row(`select id from users where username = 'admin'`)['id'] ?? '', username: 'admin', password: 'demo-admin', fullName: 'Amara Okafor' };
    const roleless = { id: pharmacistId, username: 'pharmacist', password: 'demo-pharmacist', fullName: 'Kenji Watanabe' };
    const real = [riverside('RFC01', chainAdmin, first, second), riverside('HVC01', roleless, third, first)];
    worlds = real.map((values, index) => ({ name: index === 0 ? 'Riverside, its administrator' : 'Hillview, a role-less account', real: values, madeUp: madeUpLike(values) }));

    // Lakeside: a front-desk user made through the API, a doctor with hours, a patient and a booking.
    const lakeside = await signIn('lakeside', 'demo-lakeside', 'LKS01');
    // Its administrator also sees patients, so the prescribing checks (doctors' and pharmacists') are probed too.
    await host.call('users.grantRole', { userId: row(`select id from users where username = 'lakeside'`)['id'] ?? '', clinicId: clinicIds['LKS01'] ?? '', role: 'DOCTOR' }, lakeside);
    const desk = await host.call('users.create', { fullName: 'Lake Desk', username: 'lakedesk', email: '', phone: '', password: 'lakedesk-temporary', role: 'STAFF' }, lakeside);
    const deskToken = (await host.call('auth.signIn', { username: 'lakedesk', password: 'lakedesk-temporary' })).token ?? '';
    await host.call('auth.changePassword', { currentPassword: 'lakedesk-temporary', newPassword: ownPassword('lakedesk') }, deskToken);
    const lakeDoctor = await host.call('users.create', { fullName: 'Dr. Fell Walker', username: 'lakedoc', email: '', phone: '', password: 'lakedoc-temporary', role: 'DOCTOR' }, lakeside);
    await host.call('doctors.saveProfile', { userId: lakeDoctor.id, specialization: 'Fell medicine', registrationNumber: '', visibility: 'PUBLIC', active: true }, lakeside);
    const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '09:00', endTime: '17:00', slotMinutes: 30, breaks: [] }));
    await host.call('schedules.setWeekly', { doctorUserId: lakeDoctor.id, sessions: weekdays }, lakeside);
    const patient = await host.call('patients.register', {
      givenName: 'Wren', familyName: 'Lakeland', sex: 'FEMALE', birth: { kind: 'date', date: '1991-07-14' }, phone: '+44 17687 70001', email: '', address: '', postalCode: '', nationalId: '', emergencyContactName: '', emergencyContactPhone: '', notes: '', allergies: [], conditions: [], notADuplicate: true,
    }, lakeside);
    const slot = (await host.call('slots.nextFree', { doctorUserId: lakeDoctor.id }, lakeside)).found?.slot.startAt ?? '';
    const booked = await host.call('appointments.book', { patientId: patient.id, doctorUserId: lakeDoctor.id, startAt: slot, type: 'IN_PERSON', reason: '', notes: '' }, lakeside);
    const freeSlot = (await host.call('slots.nextFree', { doctorUserId: lakeDoctor.id }, lakeside)).found?.slot.startAt ?? '';
    const clinic = await host.call('clinic.get', {}, lakeside);
    // The administrator is a doctor too, so the consultation's calls (a doctor's own) reach their handlers.
    await host.call('users.grantRole', { userId: row(`select id from users where username = 'lakeside'`)['id'] ?? '', clinicId: clinic.id, role: 'DOCTOR' }, lakeside);
    own = {
      clinicId: clinic.id,
      clinicDetails: { name: clinic.name, country: clinic.country, state: clinic.state, city: clinic.city, address: clinic.address, phone: clinic.phone, currency: clinic.currency, timeZone: clinic.timeZone, status: clinic.status, idleLockMinutes: clinic.idleLockMinutes },
      staffUserId: desk.id,
      patientId: patient.id,
      doctorUserId: lakeDoctor.id,
      appointmentId: booked.id,
      freeSlot,
      today: '2026-03-02',
    };
    actors = [
      { label: 'administrator', username: 'lakeside', password: 'demo-lakeside', token: lakeside },
      { label: 'front desk', username: 'lakedesk', password: ownPassword('lakedesk'), token: deskToken },
    ];

    // Linked last: a workstation without leased numbers registers no patient (issue 31, finding 9).
    if (workstation === 'syncing for Riverside') {
      writeSetting(host.core.database.db, 'hub_url', `http://127.0.0.1:${String(await freePort())}`);
      writeSetting(host.core.database.db, 'hub_credential', 'riverside-device-credential');
      writeSetting(host.core.database.db, 'hub_clinic_id', clinicIds['RFC01'] ?? '');
      sqlite().prepare('update sync_state set mode = ? where id = 1').run(SYNC_MODE.connected);
      await host.call('users.update', { userId: pharmacistId, fullName: 'Kenji Watanabe', email: 'kenji@riverside.example', phone: '' }, admin);
    }
  });
  afterAll(() => host.close());

  /** Riverside's rows, and, where the workstation syncs for Riverside, what the hub refused of it. */
  const riversideRows = (): Map<string, string> => {
    const rows = new Map(organizationRows(sqlite(), [clinicIds['RFC01'] ?? '', clinicIds['HVC01'] ?? ''], (table, row) => table === 'audit_log' && row['action'] === 'auth.signIn' && row['outcome'] === 'FAILURE'));
    if (workstation === 'syncing for Riverside') {
      for (const row of sqlite().prepare('select * from sync_rejections').all() as { id: number }[]) rows.set(`sync_rejections ${String(row.id)}`, JSON.stringify(row));
    }
    return rows;
  };
  const lakesideStrings = (): Set<string> => new Set(stringsOf(organizationRows(sqlite(), [clinicIds['LKS01'] ?? '']).values()));

  it('places every table, so that "nothing changed" looks at all of them', () => {
    expect(unplacedTables(sqlite())).toEqual([]);
  });

  it('sees the other organization’s data and changes when they are there, so it can fail', async () => {
    const betrayals = new Betrayals(stringsOf(riversideRows().values()));
    const world = worlds[0]?.real;
    if (world === undefined) throw new Error('no world');
    const admin = await signIn('admin', 'demo-admin', 'RFC01');
    const seen = await post('patients.get', { patientId: world.patientId }, admin);
    expect(betrayals.foundIn(seen, lakesideStrings(), JSON.stringify({ patientId: world.patientId }))).toEqual(expect.arrayContaining([world.mrn]));
    const before = riversideRows();
    await post('queue.setPriority', { entryId: world.entryId, priority: 'ORANGE' }, admin);
    expect(differences(before, riversideRows())).toContain(`changed queue_entries ${world.entryId}`);
  });

  it.runIf(workstation === 'syncing for Riverside')('makes a join code, which admits a workstation to all of a clinic, only from a session in the clinic it syncs', async () => {
    const body = async (token: string): Promise<unknown> => (await post('sync.createJoinCode', {}, token)).body;
    const lakeside = actors[0]?.token ?? '';
    expect(await body(lakeside)).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Connect this workstation to a hub first.' } });
    const hillview = await signIn('admin', 'demo-admin', 'HVC01');
    expect(await body(hillview)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'This workstation syncs another clinic of your organization; sign in to that clinic to create a join code.' } });
    // From Riverside itself the workstation asks its hub, which is away here.
    const riverside = await signIn('admin', 'demo-admin', 'RFC01');
    const fromRiverside = (await body(riverside)) as { error: { code: string; message: string } };
    expect(fromRiverside.error.code).toBe('CONFLICT');
    expect(fromRiverside.error.message).toContain('A join code needs the hub.');
  });

  // Every call of the contract, twice per actor and world: a minute or more on a busy machine.
  it('answers every call of the contract by its users with the other’s ids as if those did not exist, reading and changing nothing', async () => {
    const uncovered = callNames.filter((name) => typeof (contractProbes as Partial<typeof contractProbes>)[name] !== 'function');
    expect(uncovered).toEqual([]);
    const betrayals = new Betrayals(stringsOf(riversideRows().values()));
    const leaks: string[] = [];
    const changes: string[] = [];
    const unlike: string[] = [];
    // A probe refused before its handler ran, by its schema or by the caller's role, proves nothing.
    const notReached: string[] = [];

    for (const name of callNames) {
      const probe = contractProbes[name] as (them: TheirIds, ownIds: OwnIds) => readonly unknown[];
      for (const actor of actors) {
        for (const world of worlds) {
          const ownIds = { ...own, label: actor.label };
          const inputs = probe(world.real, ownIds);
          const controls = probe(world.madeUp, ownIds);
          for (const [index, input] of inputs.entries()) {
            const at = `${name} #${String(index)} by the ${actor.label} (${world.name})`;
            const before = riversideRows();
            // What Lakeside held before the call: a leak that copies Riverside's data into Lakeside's must not excuse itself.
            const known = lakesideStrings();
            const real = await post(name, input, actor.token);
            await keepSignedIn(actor);
            const control = await post(name, controls[index], actor.token);
            await keepSignedIn(actor);
            changes.push(...differences(before, riversideRows()).map((change) => `${at}: ${change}`));
            for (const found of betrayals.foundIn(real, known, JSON.stringify(input))) leaks.push(`${at}: ${found}`);
            for (const found of betrayals.foundIn(control, known, JSON.stringify(controls[index]))) leaks.push(`${at}, made-up values: ${found}`);
            const same = contract[name].effect === 'read' ? masked(real) === masked(control) : outcomeOf(real) === outcomeOf(control);
            if (!same && acceptedDifferences[name] === undefined) unlike.push(`${at}: ${masked(real)} but ${masked(control)} for made-up values`);
            if (!contract[name].input.safeParse(input).success || !contract[name].input.safeParse(controls[index]).success) notReached.push(`${at}: its input does not pass the call's schema`);
            if (actor.label === 'administrator' && outcomeOf(real).includes('does not allow this')) notReached.push(`${at}: ${outcomeOf(real)}`);
          }
        }
      }
    }

    expect(notReached).toEqual([]);
    expect(leaks).toEqual([]);
    expect(changes).toEqual([]);
    expect(unlike).toEqual([]);
    // Every probe reads the whole organization twice; the demo's catalogue made that longer than the default minute.
  }, 240_000);
});

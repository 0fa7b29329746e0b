import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '#core/platform/clock.ts';
import { adminAccount, patientInput, sampleClinic, START_MS } from '#tests/support/core-harness.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import type { Network } from '#tests/support/in-process-transport.ts';
import { call } from '#tests/support/sync-calls.ts';
import { openWorkstation, type Workstation } from '#tests/support/sync-world.ts';

describe('conflicts found after a merge, and the retry loop', () => {
  const hubClock = manualClock(START_MS);
  const offline = new Set<string>();
  /** Every request that reached the network, as desk and operation. */
  const requests: string[] = [];
  const network: Network = {
    reachable: (key) => !offline.has(key),
    fault: (key, operation) => {
      requests.push(`${key}:${operation}`);
      return 'deliver';
    },
  };
  let harness: HubHarness;
  let first: Workstation;
  let second: Workstation;
  let admin1: string;
  let admin2: string;
  let doctorId: string;

  beforeEach(async () => {
    offline.clear();
    requests.length = 0;
    harness = await startHub({ now: hubClock.now });
    first = await openWorkstation('one', () => harness.hub, { startMs: START_MS, network });
    second = await openWorkstation('two', () => harness.hub, { startMs: START_MS, network });
    const setup = await call(first, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount });
    admin1 = setup.token ?? '';
    const doctor = await call(first, 'users.create', { fullName: 'Dr. Jo Bell', username: 'jbell', email: '', phone: '', password: 'doctor-pass', role: 'DOCTOR' }, admin1);
    doctorId = doctor.id;
    await call(first, 'doctors.saveProfile', { userId: doctorId, specialization: 'General practice', registrationNumber: '', visibility: 'PUBLIC', active: true }, admin1);
    await call(first, 'schedules.setWeekly', { doctorUserId: doctorId, sessions: [{ weekday: 1, startTime: '09:00', endTime: '12:00', slotMinutes: 30, breaks: [] }] }, admin1);
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: 'RFC01', clinicId: null });
    await call(first, 'sync.connect', { hubUrl: 'http://hub.test', code }, admin1);
    await first.core.sync.syncNow();
    const join = await call(first, 'sync.createJoinCode', {}, admin1);
    await call(second, 'sync.join', { hubUrl: 'http://hub.test', code: join.code });
    await second.core.sync.syncNow();
    admin2 = (await call(second, 'auth.signIn', { username: 'ada', password: adminAccount.password })).token ?? '';
  });

  afterEach(async () => {
    await first.close();
    await second.close();
    await harness.close();
  });

  async function syncAll(): Promise<void> {
    for (let round = 0; round < 3; round += 1) {
      await first.core.sync.syncNow();
      await second.core.sync.syncNow();
    }
  }

  it('records a doctor booked twice while apart as one conflict on both, resolved on screen and everywhere', async () => {
    offline.add('one');
    offline.add('two');
    const priya = await call(first, 'patients.register', { ...patientInput(), notADuplicate: false }, admin1);
    const tom = await call(second, 'patients.register', { ...patientInput({ givenName: 'Tom', familyName: 'Baker', phone: '', birth: { kind: 'date', date: '1960-01-01' } }), notADuplicate: false }, admin2);
    const a1 = await call(first, 'appointments.book', { patientId: priya.id, doctorUserId: doctorId, startAt: '2026-03-02T10:00:00.000Z', type: 'IN_PERSON', reason: '', notes: '' }, admin1);
    const a2 = await call(second, 'appointments.book', { patientId: tom.id, doctorUserId: doctorId, startAt: '2026-03-02T10:00:00.000Z', type: 'IN_PERSON', reason: '', notes: '' }, admin2);
    expect(a1.reference).not.toBe(a2.reference);
    offline.clear();
    await syncAll();
    const onFirst = (await call(first, 'sync.conflicts', {}, admin1)).conflicts;
    const onSecond = (await call(second, 'sync.conflicts', {}, admin2)).conflicts;
    expect(onFirst.map((conflict) => conflict.kind)).toEqual(['DOUBLE_BOOKING']);
    expect(onSecond.map((conflict) => conflict.id)).toEqual(onFirst.map((conflict) => conflict.id));
    expect(onFirst[0]?.rows.map((row) => row.label).sort()).toEqual([`${a1.reference} · Priya Sharma`, `${a2.reference} · Tom Baker`].sort());

    await call(second, 'sync.resolveConflict', { conflictId: onFirst[0]?.id ?? '', action: { kind: 'cancelAppointment', appointmentId: a2.id } }, admin2);
    await syncAll();
    expect((await call(first, 'sync.conflicts', {}, admin1)).conflicts).toEqual([]);
    const resolved = (await call(first, 'sync.conflicts', { includeResolved: true }, admin1)).conflicts[0];
    expect(resolved?.resolution).toBe(`Cancelled ${a2.reference}`);
    const statuses = (await call(first, 'appointments.list', { fromDate: '2026-03-02', toDate: '2026-03-02' }, admin1)).appointments.map((appointment) => [appointment.reference, appointment.status]);
    expect(statuses).toEqual(expect.arrayContaining([[a1.reference, 'SCHEDULED'], [a2.reference, 'CANCELLED']]));
  });

  it('checks a pulled booking for conflicts after a crash that came before the check', async () => {
    offline.add('one');
    offline.add('two');
    const priya = await call(first, 'patients.register', { ...patientInput(), notADuplicate: false }, admin1);
    const tom = await call(second, 'patients.register', { ...patientInput({ givenName: 'Tom', familyName: 'Baker', phone: '', birth: { kind: 'date', date: '1960-01-01' } }), notADuplicate: false }, admin2);
    await call(first, 'appointments.book', { patientId: priya.id, doctorUserId: doctorId, startAt: '2026-03-02T10:00:00.000Z', type: 'IN_PERSON', reason: '', notes: '' }, admin1);
    const mine = await call(second, 'appointments.book', { patientId: tom.id, doctorUserId: doctorId, startAt: '2026-03-02T10:00:00.000Z', type: 'IN_PERSON', reason: '', notes: '' }, admin2);
    offline.clear();
    await first.core.sync.syncNow();
    await second.core.sync.syncNow();
    // The pull has answered; its check waits for the thread. A crash now leaves this on disk.
    const sqlite = second.core.database.sqlite;
    const image = sqlite.serialize();
    expect(sqlite.prepare(`select tbl from sync_conflict_checks`).pluck().all()).toContain('appointments');
    expect(sqlite.prepare(`select count(*) from sync_conflicts`).pluck().get()).toBe(0);

    await second.restartFrom(image);
    const reopened = second.core.database.sqlite;
    expect(reopened.prepare(`select count(*) from sync_conflict_checks`).pluck().get()).toBeGreaterThan(0);
    second.core.sync.start();
    await new Promise((resolve) => setImmediate(resolve));
    await second.core.sync.stop();
    expect(reopened.prepare(`select count(*) from sync_conflict_checks`).pluck().get()).toBe(0);
    const recorded = reopened.prepare(`select kind, row_ids from sync_conflicts`).all() as { kind: string; row_ids: string }[];
    expect(recorded.map((row) => row.kind)).toEqual(['DOUBLE_BOOKING']);
    expect(JSON.parse(recorded[0]?.row_ids ?? '[]')).toContain(mine.id);
  });

  it('offers a merge for one person registered at both desks while apart', async () => {
    offline.add('one');
    offline.add('two');
    const here = await call(first, 'patients.register', { ...patientInput(), notADuplicate: false }, admin1);
    const there = await call(second, 'patients.register', { ...patientInput({ givenName: 'Priyah' }), notADuplicate: false }, admin2);
    offline.clear();
    await syncAll();
    const [conflict] = (await call(first, 'sync.conflicts', {}, admin1)).conflicts;
    expect(conflict?.kind).toBe('DUPLICATE_PATIENT');
    await call(first, 'sync.resolveConflict', { conflictId: conflict?.id ?? '', action: { kind: 'mergePatients', survivorId: here.id, mergedId: there.id } }, admin1);
    await syncAll();
    const opened = await call(second, 'patients.get', { patientId: there.id }, admin2);
    expect(opened).toMatchObject({ id: here.id, redirectedFrom: there.id });
  });

  it('notices two tokens with one number, from desks that share a letter, and renumbers one', async () => {
    second.core.database.sqlite.prepare(`update local_meta set value = 'A' where key = 'token_series'`).run();
    offline.add('one');
    offline.add('two');
    const priya = await call(first, 'patients.register', { ...patientInput(), notADuplicate: false }, admin1);
    const tom = await call(second, 'patients.register', { ...patientInput({ givenName: 'Tom', familyName: 'Baker', phone: '', birth: { kind: 'date', date: '1960-01-01' } }), notADuplicate: false }, admin2);
    const e1 = await call(first, 'queue.addWalkIn', { patientId: priya.id, doctorUserId: null, priority: 'GREEN' }, admin1);
    const e2 = await call(second, 'queue.addWalkIn', { patientId: tom.id, doctorUserId: null, priority: 'GREEN' }, admin2);
    expect([e1.token, e2.token]).toEqual(['A1', 'A1']);
    offline.clear();
    await syncAll();
    const [conflict] = (await call(second, 'sync.conflicts', {}, admin2)).conflicts;
    expect(conflict?.kind).toBe('DUPLICATE_TOKEN');
    await call(second, 'sync.resolveConflict', { conflictId: conflict?.id ?? '', action: { kind: 'renumberToken', entryId: e2.id } }, admin2);
    await syncAll();
    const tokens = (await call(first, 'queue.list', {}, admin1)).entries.map((entry) => entry.token).sort();
    expect(tokens).toEqual(['A1', 'A2']);
  });


  it('finds every clash a page brings, each pair once, and nothing where times or tokens differ', async () => {
    second.core.database.sqlite.prepare(`update local_meta set value = 'A' where key = 'token_series'`).run();
    offline.add('one');
    offline.add('two');
    const priya = await call(first, 'patients.register', { ...patientInput(), notADuplicate: false }, admin1);
    const tom = await call(second, 'patients.register', { ...patientInput({ givenName: 'Tom', familyName: 'Baker', phone: '', birth: { kind: 'date', date: '1960-01-01' } }), notADuplicate: false }, admin2);
    const book = async (desk: Workstation, token: string, patientId: string, startAt: string): Promise<string> =>
      (await call(desk, 'appointments.book', { patientId, doctorUserId: doctorId, startAt, type: 'IN_PERSON', reason: '', notes: '' }, token)).id;
    const here = [await book(first, admin1, priya.id, '2026-03-02T10:00:00.000Z'), await book(first, admin1, priya.id, '2026-03-02T10:30:00.000Z')];
    const there = [await book(second, admin2, tom.id, '2026-03-02T10:00:00.000Z'), await book(second, admin2, tom.id, '2026-03-02T10:30:00.000Z')];
    // Half an hour after the last of either desk's bookings ends: no clash.
    await book(second, admin2, tom.id, '2026-03-02T11:30:00.000Z');
    // One walk-in per person (a person waits in a queue once), each unlike the others.
    const people = ['Ann Ames', 'Ben Bose', 'Cy Cole', 'Di Dunn', 'Ed Egan'];
    const walkIn = async (desk: Workstation, token: string, index: number): Promise<{ id: string; token: string }> => {
      const [givenName = '', familyName = ''] = (people[index] ?? '').split(' ');
      const person = await call(desk, 'patients.register', { ...patientInput({ givenName, familyName, phone: '', birth: { kind: 'date', date: `19${String(50 + index)}-05-0${String(index + 1)}` } }), notADuplicate: false }, token);
      return call(desk, 'queue.addWalkIn', { patientId: person.id, doctorUserId: null, priority: 'GREEN' }, token);
    };
    const tokensHere = [await walkIn(first, admin1, 0), await walkIn(first, admin1, 1)];
    const tokensThere = [await walkIn(second, admin2, 2), await walkIn(second, admin2, 3), await walkIn(second, admin2, 4)];
    expect(tokensThere.map((entry) => entry.token)).toEqual(['A1', 'A2', 'A3']);
    offline.clear();
    await syncAll();

    const pairs = (conflicts: readonly { kind: string; rows: readonly { id: string }[] }[], kind: string): string[] =>
      conflicts
        .filter((conflict) => conflict.kind === kind)
        .map((conflict) => conflict.rows.map((row) => row.id).sort().join('+'))
        .sort();
    for (const [desk, token] of [[first, admin1], [second, admin2]] as const) {
      const { conflicts } = await call(desk, 'sync.conflicts', {}, token);
      expect(pairs(conflicts, 'DOUBLE_BOOKING')).toEqual(here.map((id, index) => [id, there[index] ?? ''].sort().join('+')).sort());
      expect(pairs(conflicts, 'DUPLICATE_TOKEN')).toEqual(tokensHere.map((entry, index) => [entry.id, tokensThere[index]?.id ?? ''].sort().join('+')).sort());
      expect(conflicts).toHaveLength(4);
    }
  });
  /** Waits until the desks have sent nothing for a while: every sync they started is over. */
  async function quiet(): Promise<void> {
    for (let checks = 0; checks < 50; checks += 1) {
      const sent = requests.length;
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (requests.length === sent) return;
    }
  }

  it('starts no sync of its own after a pull brought changes, and a change made here still starts one', async () => {
    second.core.sync.start();
    await quiet();
    const priya = await call(first, 'patients.register', { ...patientInput(), notADuplicate: false }, admin1);
    await first.core.sync.syncNow();
    requests.length = 0;
    second.core.sync.requestSync(0);
    await quiet();
    expect(requests.filter((request) => request === 'two:pull')).toHaveLength(1);
    expect(second.core.database.sqlite.prepare('select count(*) from patients where id = ?').pluck().get(priya.id)).toBe(1);

    requests.length = 0;
    const tom = await call(second, 'patients.register', { ...patientInput({ givenName: 'Tom', familyName: 'Baker', phone: '', birth: { kind: 'date', date: '1960-01-01' } }), notADuplicate: false }, admin2);
    await quiet();
    expect(requests).toContain('two:push');
    expect(await harness.hub.db.query(`select id from patients where id = $1`, [tom.id])).toHaveLength(1);
  });

  it('sends a conflict it found up by itself, without waiting for the timer', async () => {
    second.core.sync.start();
    await quiet();
    // The same person registered at both desks, the second before it saw the first's.
    await call(first, 'patients.register', { ...patientInput(), notADuplicate: false }, admin1);
    await first.core.sync.syncNow();
    await call(second, 'patients.register', { ...patientInput(), notADuplicate: false }, admin2);
    await quiet();
    expect(second.core.sync.status().openConflicts).toBe(1);
    expect(second.core.sync.status().pendingChanges).toBe(0);
    expect(await harness.hub.db.query(`select id from sync_conflicts where kind = 'DUPLICATE_PATIENT'`)).toHaveLength(1);
  });

  it('sends waiting changes up without anyone asking once the hub is back', async () => {
    second.core.sync.start();
    offline.add('two');
    await call(second, 'patients.register', { ...patientInput({ givenName: 'Offline', familyName: 'Visitor', phone: '', birth: { kind: 'date', date: '1970-01-01' } }), notADuplicate: false }, admin2);
    await second.core.sync.syncNow();
    expect(second.core.sync.status()).toMatchObject({ state: 'offline' });
    expect(second.core.sync.status().pendingChanges).toBeGreaterThan(0);
    offline.clear();
    // The retry timer (backoff with jitter, at most a few seconds after the first failures) sends them.
    const deadline = Date.now() + 15_000;
    while (second.core.sync.status().pendingChanges > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(second.core.sync.status()).toMatchObject({ state: 'online', pendingChanges: 0 });
    await first.core.sync.syncNow();
    expect((await call(first, 'patients.search', { query: 'offline visitor' }, admin1)).results).toHaveLength(1);
  });

  it('keeps syncing when two desks gave one username while apart: the second account waits aside, nothing stops', async () => {
    offline.add('one');
    offline.add('two');
    const onFirst = await call(first, 'users.create', { fullName: 'Sam Lee', username: 'slee', email: '', phone: '', password: 'sam-password-1', role: 'STAFF' }, admin1);
    const onSecond = await call(second, 'users.create', { fullName: 'Sasha Lee', username: 'slee', email: '', phone: '', password: 'sasha-password', role: 'STAFF' }, admin2);
    offline.clear();
    await syncAll();
    const later = await call(first, 'patients.register', { ...patientInput({ givenName: 'Ines', familyName: 'Duarte' }), notADuplicate: true }, admin1);
    await syncAll();
    for (const ws of [first, second]) {
      expect(ws.core.sync.status().state, `${ws.key} keeps syncing`).toBe('online');
      expect(ws.core.database.sqlite.prepare('select count(*) from patients where id = ?').pluck().get(later.id), `${ws.key} has the later patient`).toBe(1);
      expect(ws.core.database.sqlite.prepare("select count(*) from users where username = 'slee'").pluck().get()).toBe(1);
    }
    expect(second.core.database.sqlite.prepare('select row_id from sync_parked where tbl = ?').pluck().all('users')).toEqual([onFirst.id]);
    expect(first.core.database.sqlite.prepare('select row_id from sync_parked where tbl = ?').pluck().all('users')).toEqual([onSecond.id]);
    const [atHub] = await harness.hub.db.query<{ n: string }>(`select count(*)::text as n from users where username = 'slee'`);
    expect(atHub?.n, 'the hub keeps both').toBe('2');
  });
});

import { createHash, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { formatHlc } from '#shared/sync/hlc.ts';
import { rowsOfPage, type PushTx } from '#shared/sync/protocol.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import { describeEachHubKind } from '#tests/support/each-hub-kind.ts';

const CLINIC_A = '0194379c-6c00-7000-8000-0000000000a1';
const CLINIC_B = '0194379c-6c00-7000-8000-0000000000b1';
/** Clinics A and B are one organization's unless a test says otherwise. */
const ORGANIZATION = '0194379c-6c00-7000-8000-0000000000f1';
const T0 = Date.parse('2026-03-02T09:00:00.000Z');

function stamp(offsetMs: number, node = 'dev1'): string {
  return formatHlc({ wallMs: T0 + offsetMs, counter: 0, node });
}

function clinicRow(id: string, code: string, organizationId = ORGANIZATION) {
  return { id, organization_id: organizationId, code, name: `Clinic ${code}`, country: 'GB', state: '', city: 'Bristol', address: '', phone: '', currency: 'GBP', time_zone: 'Europe/London', status: 'ACTIVE', idle_lock_minutes: 15, created_at: 'x', updated_at: 'x', deleted_at: null };
}

function patientRow(id: string, clinicId: string, givenName: string) {
  return { id, mrn: `M-${id.slice(-4)}`, registered_clinic_id: clinicId, given_name: givenName, family_name: 'Sharma', sex: 'FEMALE', birth_date: null, birth_date_estimated: 0, phone: '', phone_digits_reversed: '', email: '', address: '', postal_code: '', national_id: '', emergency_contact_name: '', emergency_contact_phone: '', notes: '', merged_into_id: null, created_at: 'x', updated_at: 'x', deleted_at: null };
}

// On PGlite always, and on a real PostgreSQL where DATABASE_URL gives one (CI).

describeEachHubKind('the hub on %s', (kind) => {
  let harness: HubHarness;
  let now = T0;
  beforeEach(async () => {
    now = T0;
    harness = await startHub({ now: () => now, kind });
  });
  afterEach(async () => {
    await harness.close();
  });

  /** The first workstation of a clinic: A's opens the organization, and B's joins it. */
  async function firstWorkstation(clinicId: string, code: string) {
    const organizationOf = code === 'AAA01' ? undefined : 'AAA01';
    const { code: enrolment } = await harness.hub.createEnrolmentCode({ clinicCode: code, clinicId: null, organizationOf });
    return harness.hub.enrol({ code: enrolment, deviceId: randomUUID(), deviceName: `desk ${code}`, databaseId: `db-${code}`, clinic: { id: clinicId, code, organizationId: ORGANIZATION } });
  }

  it('enrols a clinic’s first workstation, then a second one with a code from the first', async () => {
    const first = await firstWorkstation(CLINIC_A, 'AAA01');
    expect(first).toMatchObject({ clinicId: CLINIC_A, clinicCode: 'AAA01', workstationNumber: 1 });
    await harness.hub.push(first.credential, { txs: [{ seq: 1, hlc: stamp(0), ops: [{ table: 'clinics', id: CLINIC_A, kind: 'insert', columns: clinicRow(CLINIC_A, 'AAA01') }] }] });
    const { code } = await harness.hub.createJoinCode(first.credential);
    const second = await harness.hub.enrol({ code, deviceId: randomUUID(), deviceName: 'desk 2', databaseId: 'db-2', clinic: null });
    expect(second).toMatchObject({ clinicId: CLINIC_A, workstationNumber: 2 });
    await expect(harness.hub.enrol({ code, deviceId: randomUUID(), deviceName: 'desk 3', databaseId: 'db-3', clinic: null })).rejects.toThrow(/already used/);
    const page = await harness.hub.pull(second.credential, { cursor: null, limit: 100 });
    expect(page.changes.map((change) => [change.table, change.id])).toEqual([['clinics', CLINIC_A]]);
  });

  it('applies a resent transaction once, and refuses an old number with new content', async () => {
    const device = await firstWorkstation(CLINIC_A, 'AAA01');
    const tx: PushTx = { seq: 1, hlc: stamp(0), ops: [{ table: 'clinics', id: CLINIC_A, kind: 'insert', columns: clinicRow(CLINIC_A, 'AAA01') }] };
    expect((await harness.hub.push(device.credential, { txs: [tx] })).appliedThrough).toBe(1);
    expect((await harness.hub.push(device.credential, { txs: [tx] })).appliedThrough).toBe(1);
    // The hash kept is the transaction's JSON text's, as hubs have always kept it: an older hub's hashes still match.
    const [kept] = await harness.hub.db.query<{ hash: string }>(`select hash from hub_device_txs where seq = 1`);
    expect(kept?.hash).toBe(createHash('sha256').update(JSON.stringify({ seq: tx.seq, hlc: tx.hlc, ops: tx.ops })).digest('base64url'));
    const [changes] = await harness.hub.db.query<{ n: string }>(`select coalesce(sum(change_count), 0)::text as n from hub_feed`);
    expect(changes?.n).toBe('1');
    const forged: PushTx = { ...tx, ops: [{ table: 'clinics', id: CLINIC_A, kind: 'update', columns: { name: 'Other' } }] };
    await expect(harness.hub.push(device.credential, { txs: [forged] })).rejects.toThrow(/copy or a restored backup/);
    await expect(harness.hub.push(device.credential, { txs: [{ ...tx, seq: 2 }] })).rejects.toThrow(/enrolled again/);
  });

  it('keeps each device to its own clinics: a change to another clinic’s rows is rejected and changes nothing', async () => {
    const deviceA = await firstWorkstation(CLINIC_A, 'AAA01');
    const deviceB = await firstWorkstation(CLINIC_B, 'BBB01');
    await harness.hub.push(deviceA.credential, { txs: [{ seq: 1, hlc: stamp(0), ops: [{ table: 'clinics', id: CLINIC_A, kind: 'insert', columns: clinicRow(CLINIC_A, 'AAA01') }, { table: 'patients', id: 'p-a', kind: 'insert', columns: patientRow('p-a', CLINIC_A, 'Priya') }] }] });
    const txsOfB: PushTx[] = [
      { seq: 1, hlc: stamp(1000, 'dev2'), ops: [{ table: 'patients', id: 'p-a', kind: 'update', columns: { given_name: 'Stolen' } }] },
      { seq: 2, hlc: stamp(2000, 'dev2'), ops: [{ table: 'clinics', id: CLINIC_B, kind: 'insert', columns: clinicRow(CLINIC_B, 'BBB01') }] },
    ];
    const result = await harness.hub.push(deviceB.credential, { txs: txsOfB });
    expect(result.appliedThrough).toBe(2);
    const refusal = { seq: 1, code: 'FORBIDDEN_CLINIC', message: 'This change to patients belongs to a clinic this workstation is not enrolled in.' };
    expect(result.rejected).toEqual([refusal]);
    // The answer was lost and the same transactions come again: the refusal is told again, and only once recorded.
    expect(await harness.hub.push(deviceB.credential, { txs: txsOfB })).toMatchObject({ appliedThrough: 2, rejected: [refusal] });
    const [patient] = await harness.hub.db.query<{ given_name: string }>(`select given_name from patients where id = 'p-a'`);
    expect(patient?.given_name).toBe('Priya');
    // A device's own changes are passed over in its feed; another desk of clinic B sees B's clinic and nothing of A.
    expect((await harness.hub.pull(deviceB.credential, { cursor: null, limit: 100 })).changes).toEqual([]);
    const { code: joinB } = await harness.hub.createJoinCode(deviceB.credential);
    const secondB = await harness.hub.enrol({ code: joinB, deviceId: randomUUID(), deviceName: 'desk B2', databaseId: 'db-b2', clinic: null });
    expect((await harness.hub.pull(secondB.credential, { cursor: null, limit: 100 })).changes.map((change) => change.id)).toEqual([CLINIC_B]);
    await expect(harness.hub.pull(deviceB.credential, { cursor: null, limit: 100, clinicId: CLINIC_A })).rejects.toThrow(/not enrolled in that clinic/);
    // Comparing sees only the device's clinic too: A's patient counts for A alone and is never read again by B.
    expect((await harness.hub.tableDigests(deviceB.credential)).tables['patients']?.count).toBe(0);
    expect((await harness.hub.tableDigests(deviceA.credential)).tables['patients']?.count).toBe(1);
    expect((await harness.hub.tableRanges(deviceB.credential, { table: 'patients' })).ranges).toEqual([]);
    expect((await harness.hub.tableRanges(deviceA.credential, { table: 'patients' })).ranges).toMatchObject([{ through: null, count: 1 }]);
    expect((await harness.hub.snapshotPage(deviceB.credential, { table: 'patients', after: null, through: null, limit: 100 })).rows).toEqual([]);
    const [rejections] = await harness.hub.db.query<{ n: string }>(`select count(*)::text as n from hub_rejections`);
    expect(rejections?.n).toBe('1');
  });

  it('refuses, transaction by transaction, text it cannot store, and applies the transactions around it', async () => {
    const device = await firstWorkstation(CLINIC_A, 'AAA01');
    const patient = (seq: number, columns: Record<string, string | number | null>, id = `p-${String(seq)}`): PushTx => ({
      seq,
      hlc: stamp(seq * 1000),
      ops: [{ table: 'patients', id, kind: 'insert', columns: { ...patientRow(id, CLINIC_A, 'Priya'), ...columns } }],
    });
    const txs: PushTx[] = [
      { seq: 1, hlc: stamp(0), ops: [{ table: 'clinics', id: CLINIC_A, kind: 'insert', columns: clinicRow(CLINIC_A, 'AAA01') }] },
      patient(2, { given_name: 'N\u0000ul' }),
      patient(3, { family_name: 'Sh\ud800arma' }),
      patient(4, { notes: 'lone low \udc00' }),
      patient(5, {}, 'p-\u0000'),
      { seq: 6, hlc: stamp(6000), ops: [{ table: 'patients', id: 'p-6', kind: 'insert', columns: { ...patientRow('p-6', CLINIC_A, 'Tom'), ['notes\u0000']: 'x' } }] },
      patient(7, { given_name: 'Priya 🌷', notes: 'bell \u0007 and tab \t' }),
    ];
    const result = await harness.hub.push(device.credential, { txs });
    expect(result.appliedThrough).toBe(7);
    expect(result.rejected.map((refusal) => [refusal.seq, refusal.code])).toEqual([2, 3, 4, 5, 6].map((seq) => [seq, 'BAD_TEXT']));
    expect(result.rejected[0]?.message).toMatch(/patients\.given_name .*cannot store/);
    const patients = await harness.hub.db.query<{ id: string; given_name: string; notes: string }>(`select id, given_name, notes from patients order by id`);
    expect(patients).toEqual([{ id: 'p-7', given_name: 'Priya 🌷', notes: 'bell \u0007 and tab \t' }]);
    // Each refusal keeps the whole transaction, the characters it could not store spelt out.
    const kept = await harness.hub.db.query<{ seq: string; tx: PushTx }>(`select seq::text, tx from hub_rejections order by seq`);
    expect(kept.map((row) => row.seq)).toEqual(['2', '3', '4', '5', '6']);
    expect(kept[0]?.tx.ops[0]?.columns['given_name']).toBe('N\\u0000ul');
    expect(kept[1]?.tx.ops[0]?.columns['family_name']).toBe('Sh\\ud800arma');
    expect(kept[3]?.tx.ops[0]?.id).toBe('p-\\u0000');
    expect(Object.keys(kept[4]?.tx.ops[0]?.columns ?? {})).toContain('notes\\u0000');
    // The answer was lost and the batch comes again: the same refusals, nothing recorded twice.
    expect((await harness.hub.push(device.credential, { txs })).rejected.map((refusal) => refusal.seq)).toEqual([2, 3, 4, 5, 6]);
    expect((await harness.hub.db.query(`select 1 from hub_rejections`)).length).toBe(5);
  });

  it('applies the first of two transactions sent under one number, judged by its own content', async () => {
    const device = await firstWorkstation(CLINIC_A, 'AAA01');
    const result = await harness.hub.push(device.credential, {
      txs: [
        { seq: 1, hlc: stamp(0), ops: [{ table: 'clinics', id: CLINIC_A, kind: 'insert', columns: clinicRow(CLINIC_A, 'AAA01') }] },
        { seq: 1, hlc: stamp(0), ops: [{ table: 'no_such_table', id: 'x', kind: 'insert', columns: { id: 'x' } }] },
      ],
    });
    expect(result).toMatchObject({ appliedThrough: 1, rejected: [] });
    expect(await harness.hub.db.query(`select id from clinics`)).toEqual([{ id: CLINIC_A }]);
  });

  it('merges concurrent edits per column, and restamps a clock running a day ahead', async () => {
    const device = await firstWorkstation(CLINIC_A, 'AAA01');
    await harness.hub.push(device.credential, { txs: [{ seq: 1, hlc: stamp(0), ops: [{ table: 'clinics', id: CLINIC_A, kind: 'insert', columns: clinicRow(CLINIC_A, 'AAA01') }, { table: 'patients', id: 'p1', kind: 'insert', columns: patientRow('p1', CLINIC_A, 'Priya') }] }] });
    const pushed = await harness.hub.push(device.credential, {
      txs: [
        { seq: 2, hlc: stamp(5000), ops: [{ table: 'patients', id: 'p1', kind: 'update', columns: { phone: '0117' } }] },
        { seq: 3, hlc: stamp(3000), ops: [{ table: 'patients', id: 'p1', kind: 'update', columns: { email: 'p@example.org', phone: 'stale' } }] },
        { seq: 4, hlc: stamp(24 * 3600_000), ops: [{ table: 'patients', id: 'p1', kind: 'update', columns: { notes: 'from the future' } }] },
      ],
    });
    expect(pushed.restamped.map((entry) => entry.seq)).toEqual([4]);
    expect((pushed.restamped[0]?.hlc ?? '') < stamp(24 * 3600_000)).toBe(true);
    const [row] = await harness.hub.db.query<{ phone: string; email: string; notes: string }>(`select phone, email, notes from patients where id = 'p1'`);
    expect(row).toEqual({ phone: '0117', email: 'p@example.org', notes: 'from the future' });
  });


  it('clears a column set to null, whether the row is older than the batch or new in it', async () => {
    const device = await firstWorkstation(CLINIC_A, 'AAA01');
    await harness.hub.push(device.credential, {
      txs: [{ seq: 1, hlc: stamp(0), ops: [{ table: 'clinics', id: CLINIC_A, kind: 'insert', columns: clinicRow(CLINIC_A, 'AAA01') }, { table: 'patients', id: 'p1', kind: 'insert', columns: { ...patientRow('p1', CLINIC_A, 'Priya'), birth_date: '1980-01-01' } }] }],
    });
    await harness.hub.push(device.credential, {
      txs: [
        { seq: 2, hlc: stamp(1000), ops: [{ table: 'patients', id: 'p1', kind: 'update', columns: { birth_date: null } }] },
        { seq: 3, hlc: stamp(2000), ops: [{ table: 'patients', id: 'p2', kind: 'insert', columns: { ...patientRow('p2', CLINIC_A, 'Tom'), birth_date: '1990-02-02' } }] },
        { seq: 4, hlc: stamp(3000), ops: [{ table: 'patients', id: 'p2', kind: 'update', columns: { birth_date: null } }] },
      ],
    });
    const rows = await harness.hub.db.query<{ id: string; birth_date: string | null; given_name: string }>(`select id, birth_date, given_name from patients order by id`);
    expect(rows).toEqual([
      { id: 'p1', birth_date: null, given_name: 'Priya' },
      { id: 'p2', birth_date: null, given_name: 'Tom' },
    ]);
  });

  // A batch inserts the rows it read as absent without looking for a clash; on PGlite, one
  // connection, nothing can create them in between, so only PostgreSQL can show it.
  it.skipIf(kind !== 'postgres')('applies a batch again when another transaction created its new row meanwhile, merging the two', async () => {
    const device = await firstWorkstation(CLINIC_A, 'AAA01');
    await harness.hub.push(device.credential, { txs: [{ seq: 1, hlc: stamp(0), ops: [{ table: 'clinics', id: CLINIC_A, kind: 'insert', columns: clinicRow(CLINIC_A, 'AAA01') }] }] });
    const push = harness.hub.db.transaction(async (other) => {
      // Its phone was set later than the push's change, its name earlier.
      const created = { ...patientRow('p1', CLINIC_A, 'Asha'), phone: '0117', sync_clock: { '*': stamp(500, 'dev9'), phone: stamp(2000, 'dev9') } };
      await other.query(`insert into patients select * from json_populate_record(null::patients, $1::json)`, [JSON.stringify(created)]);
      await other.query(`insert into hub_row_clinics (clinic_id, tbl, row_id) values ($1, 'patients', 'p1')`, [CLINIC_A]);
      const pushed = harness.hub.push(device.credential, { txs: [{ seq: 2, hlc: stamp(1000), ops: [{ table: 'patients', id: 'p1', kind: 'insert', columns: { ...patientRow('p1', CLINIC_A, 'Priya'), phone: '' } }] }] });
      // The push read p1 as absent and now waits on the uncommitted row: commit it then.
      for (let waited = 0; ; waited += 1) {
        const [waiting] = await harness.hub.db.query<{ n: string }>(
          `select count(*)::text as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%insert into patients%'`,
        );
        if (waiting?.n === '1') break;
        if (waited > 500) throw new Error('the push never waited on the row created meanwhile');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return { pushed };
    });
    expect(await (await push).pushed).toMatchObject({ appliedThrough: 2, rejected: [] });
    // The later stamp wins each column (an overwrite would lose the phone); one row, seen once by A.
    expect(await harness.hub.db.query(`select id, given_name, phone from patients`)).toEqual([{ id: 'p1', given_name: 'Priya', phone: '0117' }]);
    expect(await harness.hub.db.query(`select clinic_id, row_id from hub_row_clinics where tbl = 'patients'`)).toEqual([{ clinic_id: CLINIC_A, row_id: 'p1' }]);
    const { code } = await harness.hub.createJoinCode(device.credential);
    const second = await harness.hub.enrol({ code, deviceId: randomUUID(), deviceName: 'desk 2', databaseId: 'db-2', clinic: null });
    const page = await harness.hub.pull(second.credential, { cursor: null, limit: 100 });
    expect(page.changes.filter((change) => change.table === 'patients').map((change) => change.columns['given_name'])).toEqual(['Priya']);
  });
  it('leases disjoint blocks of reference numbers, and records a first workstation’s own blocks', async () => {
    const first = await firstWorkstation(CLINIC_A, 'AAA01');
    await harness.hub.reportBlocks(first.credential, [{ clinicId: CLINIC_A, series: 'M', rangeStart: 1001, rangeEnd: 2001 }]);
    await harness.hub.push(first.credential, { txs: [{ seq: 1, hlc: stamp(0), ops: [{ table: 'clinics', id: CLINIC_A, kind: 'insert', columns: clinicRow(CLINIC_A, 'AAA01') }] }] });
    const { code } = await harness.hub.createJoinCode(first.credential);
    const second = await harness.hub.enrol({ code, deviceId: randomUUID(), deviceName: 'desk 2', databaseId: 'db-2', clinic: null });
    const leases = [await harness.hub.lease(second.credential, { clinicId: CLINIC_A, series: 'M', size: 1000 }), await harness.hub.lease(first.credential, { clinicId: CLINIC_A, series: 'M', size: 1000 })];
    expect(leases).toEqual([
      { rangeStart: 2001, rangeEnd: 3001 },
      { rangeStart: 3001, rangeEnd: 4001 },
    ]);
    await expect(harness.hub.reportBlocks(second.credential, [{ clinicId: CLINIC_A, series: 'M', rangeStart: 1500, rangeEnd: 1600 }])).rejects.toThrow(/already another workstation/);
  });

  it('keeps both changes when devices of two clinics change a patient both see at the same moment', async () => {
    const deviceA = await firstWorkstation(CLINIC_A, 'AAA01');
    const deviceB = await firstWorkstation(CLINIC_B, 'BBB01');
    const link = { id: 'l1', patient_id: 'p1', clinic_id: CLINIC_B, created_at: 'x', updated_at: 'x', deleted_at: null };
    await harness.hub.push(deviceA.credential, {
      txs: [{ seq: 1, hlc: stamp(0), ops: [{ table: 'clinics', id: CLINIC_A, kind: 'insert', columns: clinicRow(CLINIC_A, 'AAA01') }, { table: 'patients', id: 'p1', kind: 'insert', columns: patientRow('p1', CLINIC_A, 'Priya') }] }],
    });
    // Clinic B links the patient: only a workstation of the clinic being linked may.
    await harness.hub.push(deviceB.credential, { txs: [{ seq: 1, hlc: stamp(1, 'dev2'), ops: [{ table: 'clinics', id: CLINIC_B, kind: 'insert', columns: clinicRow(CLINIC_B, 'BBB01') }, { table: 'patient_clinics', id: 'l1', kind: 'insert', columns: link }] }] });
    // Each device holds its own clinic's lock, so on PostgreSQL the two pushes run side by side.
    for (let round = 1; round <= 20; round += 1) {
      const answers = await Promise.all([
        harness.hub.push(deviceA.credential, { txs: [{ seq: round + 1, hlc: stamp(round * 10), ops: [{ table: 'patients', id: 'p1', kind: 'update', columns: { phone: `A${String(round)}` } }] }] }),
        harness.hub.push(deviceB.credential, { txs: [{ seq: round + 1, hlc: stamp(round * 10 + 1, 'dev2'), ops: [{ table: 'patients', id: 'p1', kind: 'update', columns: { email: `B${String(round)}` } }] }] }),
      ]);
      expect(answers.map((answer) => [answer.appliedThrough, answer.rejected])).toEqual([
        [round + 1, []],
        [round + 1, []],
      ]);
      const [row] = await harness.hub.db.query<{ phone: string; email: string }>(`select phone, email from patients where id = 'p1'`);
      expect(row, `round ${String(round)}`).toEqual({ phone: `A${String(round)}`, email: `B${String(round)}` });
    }
  });

  it('routes a change to a clinic that links the patient at the same moment, or sends it with the patient', async () => {
    const deviceA = await firstWorkstation(CLINIC_A, 'AAA01');
    const deviceB = await firstWorkstation(CLINIC_B, 'BBB01');
    await harness.hub.push(deviceA.credential, { txs: [{ seq: 1, hlc: stamp(0), ops: [{ table: 'clinics', id: CLINIC_A, kind: 'insert', columns: clinicRow(CLINIC_A, 'AAA01') }] }] });
    await harness.hub.push(deviceB.credential, { txs: [{ seq: 1, hlc: stamp(1, 'dev2'), ops: [{ table: 'clinics', id: CLINIC_B, kind: 'insert', columns: clinicRow(CLINIC_B, 'BBB01') }] }] });
    let seqA = 1;
    for (let round = 1; round <= 20; round += 1) {
      const patient = `p${String(round)}`;
      const allergy = `al${String(round)}`;
      seqA += 1;
      await harness.hub.push(deviceA.credential, {
        txs: [
          {
            seq: seqA,
            hlc: stamp(round * 100),
            ops: [
              { table: 'patients', id: patient, kind: 'insert', columns: patientRow(patient, CLINIC_A, 'Priya') },
              { table: 'patient_allergies', id: allergy, kind: 'insert', columns: { id: allergy, patient_id: patient, substance: 'Latex', reaction: 'first', severity: 'MILD', created_at: 'x', updated_at: 'x', deleted_at: null } },
            ],
          },
        ],
      });
      seqA += 1;
      // The allergy's change names no patient: the hub finds its clinics through the stored row.
      await Promise.all([
        harness.hub.push(deviceA.credential, { txs: [{ seq: seqA, hlc: stamp(round * 100 + 10), ops: [{ table: 'patient_allergies', id: allergy, kind: 'update', columns: { reaction: `A${String(round)}` } }] }] }),
        harness.hub.push(deviceB.credential, {
          txs: [{ seq: round + 1, hlc: stamp(round * 100 + 11, 'dev2'), ops: [{ table: 'patient_clinics', id: `l${String(round)}`, kind: 'insert', columns: { id: `l${String(round)}`, patient_id: patient, clinic_id: CLINIC_B, created_at: 'x', updated_at: 'x', deleted_at: null } }] }],
        }),
      ]);
    }
    // Another workstation of clinic B reads what B's feed holds.
    const { code } = await harness.hub.createJoinCode(deviceB.credential);
    const readerB = await harness.hub.enrol({ code, deviceId: randomUUID(), deviceName: 'desk B2', databaseId: 'db-b2', clinic: null });
    const page = await harness.hub.pull(readerB.credential, { cursor: null, limit: 1000 });
    expect(page.more).toBe(false);
    for (let round = 1; round <= 20; round += 1) {
      const reactions = page.changes.filter((change) => change.table === 'patient_allergies' && change.id === `al${String(round)}`).map((change) => change.columns['reaction']);
      expect(reactions, `round ${String(round)}`).toContain(`A${String(round)}`);
    }
  });

  it('routes by a link as the batch leaves it: a link moved to another patient no longer sends the first one on', async () => {
    const deviceA = await firstWorkstation(CLINIC_A, 'AAA01');
    const deviceB = await firstWorkstation(CLINIC_B, 'BBB01');
    const link = { id: 'l1', patient_id: 'p1', clinic_id: CLINIC_B, created_at: 'x', updated_at: 'x', deleted_at: null };
    // A chain's desk enrolled in both clinics: only a desk of clinic B may link a patient to it.
    const { code: join } = await harness.hub.createJoinCode(deviceA.credential);
    const chainDesk = await harness.hub.enrol({ code: join, deviceId: randomUUID(), deviceName: 'chain desk', databaseId: 'db-chain', clinic: null });
    await harness.hub.db.query(`insert into hub_device_clinics (device_id, clinic_id, workstation_number) values ($1, $2, 9)`, [chainDesk.deviceId, CLINIC_B]);
    await harness.hub.push(chainDesk.credential, {
      txs: [
        {
          seq: 1,
          hlc: stamp(0),
          ops: [
            { table: 'clinics', id: CLINIC_A, kind: 'insert', columns: clinicRow(CLINIC_A, 'AAA01') },
            { table: 'patients', id: 'p1', kind: 'insert', columns: patientRow('p1', CLINIC_A, 'Priya') },
            { table: 'patients', id: 'p2', kind: 'insert', columns: patientRow('p2', CLINIC_A, 'Ravi') },
            { table: 'patient_clinics', id: 'l1', kind: 'insert', columns: link },
          ],
        },
      ],
    });
    // One batch: the link moves to the second patient, then the first patient changes.
    await harness.hub.push(chainDesk.credential, {
      txs: [
        { seq: 2, hlc: stamp(100), ops: [{ table: 'patient_clinics', id: 'l1', kind: 'update', columns: { patient_id: 'p2' } }] },
        { seq: 3, hlc: stamp(200), ops: [{ table: 'patients', id: 'p1', kind: 'update', columns: { phone: 'only for A' } }] },
      ],
    });
    const page = await harness.hub.pull(deviceB.credential, { cursor: null, limit: 100 });
    expect(page.changes.filter((change) => change.columns['phone'] === 'only for A')).toEqual([]);
    expect(page.changes.some((change) => change.table === 'patient_clinics' && change.columns['patient_id'] === 'p2')).toBe(true);
  });

  it('sends a patient whole, with the rows that belong to them, to a clinic it is newly linked to', async () => {
    const deviceA = await firstWorkstation(CLINIC_A, 'AAA01');
    const deviceB = await firstWorkstation(CLINIC_B, 'BBB01');
    await harness.hub.push(deviceA.credential, {
      txs: [
        { seq: 1, hlc: stamp(0), ops: [{ table: 'clinics', id: CLINIC_A, kind: 'insert', columns: clinicRow(CLINIC_A, 'AAA01') }, { table: 'patients', id: 'p1', kind: 'insert', columns: patientRow('p1', CLINIC_A, 'Priya') }] },
        { seq: 2, hlc: stamp(1000), ops: [{ table: 'patient_allergies', id: 'al1', kind: 'insert', columns: { id: 'al1', patient_id: 'p1', substance: 'Latex', reaction: '', severity: 'MILD', created_at: 'x', updated_at: 'x', deleted_at: null } }] },
      ],
    });
    // A chain workstation enrolled in both clinics links the patient to B.
    await harness.hub.db.query(`insert into hub_device_clinics (device_id, clinic_id, workstation_number) values ($1, $2, 9)`, [deviceA.deviceId, CLINIC_B]);
    const linker = { ...deviceA };
    await harness.hub.push(linker.credential, { txs: [{ seq: 3, hlc: stamp(2000), ops: [{ table: 'patient_clinics', id: 'l1', kind: 'insert', columns: { id: 'l1', patient_id: 'p1', clinic_id: CLINIC_B, created_at: 'x', updated_at: 'x', deleted_at: null } }] }] });
    const page = await harness.hub.pull(deviceB.credential, { cursor: null, limit: 100 });
    expect(page.changes.map((change) => change.table).sort()).toEqual(['patient_allergies', 'patient_clinics', 'patients']);
    expect(page.changes.find((change) => change.table === 'patients')?.clock).toEqual({ '*': stamp(0) });
    const snapshot = await harness.hub.snapshotPage(deviceB.credential, { table: 'patient_allergies', after: null, limit: 10 });
    expect(rowsOfPage(snapshot).map((row) => row.values['id'])).toEqual(['al1']);
  });
});

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHubServer } from '#hub/server.ts';
import { adminAccount, patientInput, sampleClinic, startHarness, type Harness } from '#tests/support/core-harness.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';

// A change the hub can never store (text with a NUL, written on a workstation by a version of the
// app that did not refuse it) over real HTTP: it is refused for good and shown, and the changes
// made after it still go up.
describe('a change the hub can never accept', () => {
  let hub: HubHarness;
  let server: FastifyInstance;
  let desk: Harness;
  let token: string;

  beforeEach(async () => {
    hub = await startHub();
    server = await createHubServer({ hub: hub.hub, version: 'test', adminToken: 'admin-token-for-tests-0123456789' });
    await server.listen({ host: '127.0.0.1', port: 0 });
    const address = server.server.address();
    const hubUrl = `http://127.0.0.1:${String(typeof address === 'object' && address !== null ? address.port : 0)}`;
    desk = await startHarness();
    token = (await desk.call('setup.createClinic', { clinic: sampleClinic, admin: adminAccount })).token ?? '';
    const { code } = await hub.hub.createEnrolmentCode({ clinicCode: sampleClinic.code, clinicId: null });
    await desk.call('sync.connect', { hubUrl, code }, token);
    expect(await desk.core.sync.syncNow()).toMatchObject({ state: 'online', pendingChanges: 0 });
  });

  afterEach(async () => {
    await desk.close();
    await server.close();
    await hub.close();
  });

  const hubPatients = async (): Promise<string[]> => (await hub.hub.db.query<{ given_name: string }>(`select given_name from patients order by given_name`)).map((row) => row.given_name);
  const pushesSeen = async (): Promise<number> => Number((await hub.hub.db.query<{ n: string }>(`select count(*)::text as n from hub_device_txs`))[0]?.n);

  it('is refused and listed on the Sync screen, the changes behind it go up, and it is not sent again', async () => {
    const first = await desk.call('patients.register', { ...patientInput({ givenName: 'Asha' }), notADuplicate: true }, token);
    // What an older version let through: an edit whose name holds a NUL, captured like any other.
    const { sqlite, db } = desk.core.database;
    sqlite.transaction(() => {
      desk.core.stamper.begin(db);
      sqlite.prepare(`update patients set given_name = ? where id = ?`).run('As\u0000ha', first.id);
    })();
    await desk.call('patients.register', { ...patientInput({ givenName: 'Bilal', familyName: 'Khan' }), notADuplicate: true }, token);
    await desk.call('patients.register', { ...patientInput({ givenName: 'Chen', familyName: 'Wei' }), notADuplicate: true }, token);

    expect(await desk.core.sync.syncNow()).toMatchObject({ state: 'online', pendingChanges: 0, rejections: 1, lastError: null });
    expect(await hubPatients()).toEqual(['Asha', 'Bilal', 'Chen']);
    const { rejections } = await desk.call('sync.rejections', {}, token);
    expect(rejections).toEqual([expect.objectContaining({ code: 'BAD_TEXT', tables: ['patients'], changes: 1 })]);
    expect(rejections[0]?.message).toMatch(/patients\.given_name .*cannot store/);

    // Synced again, nothing more goes up: the refused change is not retried.
    const seen = await pushesSeen();
    expect(await desk.core.sync.syncNow()).toMatchObject({ state: 'online', pendingChanges: 0, rejections: 1 });
    expect(await pushesSeen()).toBe(seen);
    expect((await hub.hub.db.query(`select 1 from hub_rejections`)).length).toBe(1);
    // Nor does the comparison with the hub send it up again as a row the hub lost.
    expect(await desk.call('sync.compare', {}, token)).toMatchObject({ state: 'online', pendingChanges: 0, rejections: 1, lastCheck: { equal: false, rowsResent: 0 } });
    expect((await hub.hub.db.query(`select 1 from hub_rejections`)).length).toBe(1);
    expect(await hubPatients()).toEqual(['Asha', 'Bilal', 'Chen']);
  });

  it('is not sent again by the comparison when the hub refused it for who sent it, not for its text', async () => {
    // A role for an account of another organization, written past the calls (an older version,
    // or a tampered database): the hub refuses it for good.
    const { sqlite, db } = desk.core.database;
    const clinicId = sqlite.prepare(`select id from clinics`).pluck().get() as string;
    const now = new Date().toISOString();
    sqlite.transaction(() => {
      desk.core.stamper.begin(db);
      sqlite.prepare(`insert into organizations (id, name, created_at, updated_at) values ('0194379c-6c00-7000-8000-0000000000f9', 'Elsewhere', ?, ?)`).run(now, now);
      sqlite
        .prepare(`insert into users (id, organization_id, username, full_name, password_hash, password_changed_at, created_at, updated_at) values ('0194379c-6c00-7000-8000-0000000000e9', '0194379c-6c00-7000-8000-0000000000f9', 'outsider', 'Out Sider', 'x', ?, ?, ?)`)
        .run(now, now, now);
      sqlite.prepare(`insert into memberships (id, user_id, clinic_id, role, created_at, updated_at) values ('m-outsider', '0194379c-6c00-7000-8000-0000000000e9', ?, 'ADMIN', ?, ?)`).run(clinicId, now, now);
    })();
    expect(await desk.core.sync.syncNow()).toMatchObject({ state: 'online', pendingChanges: 0, rejections: 1 });
    const refusedBefore = (await hub.hub.db.query(`select 1 from hub_rejections`)).length;
    expect(await desk.call('sync.compare', {}, token)).toMatchObject({ lastCheck: { rowsResent: 0 } });
    expect((await hub.hub.db.query(`select 1 from hub_rejections`)).length).toBe(refusedBefore);
  });
});

import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc } from '#shared/sync/hlc.ts';
import { RecentDevices, type DeviceScope } from '#hub/sync/recent-devices.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import { describeEachHubKind } from '#tests/support/each-hub-kind.ts';

// A pull reads its page while the device's credential is checked again, on a guess of who the
// device is from its last request. The check decides: these are the cases where the guess is wrong.

const CLINIC_A = '0194379c-6c00-7000-8000-0000000000a1';
const CLINIC_B = '0194379c-6c00-7000-8000-0000000000b1';
const T0 = Date.parse('2026-03-02T09:00:00.000Z');

function clinicRow(id: string, code: string) {
  return { id, organization_id: id, code, name: `Clinic ${code}`, country: 'GB', state: '', city: 'Bristol', address: '', phone: '', currency: 'GBP', time_zone: 'Europe/London', status: 'ACTIVE', idle_lock_minutes: 15, created_at: 'x', updated_at: 'x', deleted_at: null };
}


describeEachHubKind('pulls read while the credential is checked, on %s', (kind) => {
  let harness: HubHarness;
  beforeEach(async () => {
    harness = await startHub({ now: () => T0, kind });
  });
  afterEach(async () => {
    await harness.close();
  });

  async function enrolled(clinicId: string, code: string) {
    const { code: enrolment } = await harness.hub.createEnrolmentCode({ clinicCode: code, clinicId: null });
    const device = await harness.hub.enrol({ code: enrolment, deviceId: randomUUID(), deviceName: `desk ${code}`, databaseId: `db-${code}`, clinic: { id: clinicId, code, organizationId: clinicId } });
    await harness.hub.push(device.credential, { txs: [{ seq: 1, hlc: formatHlc({ wallMs: T0, counter: 0, node: code }), ops: [{ table: 'clinics', id: clinicId, kind: 'insert', columns: clinicRow(clinicId, code) }] }] });
    return device;
  }

  it('refuses a device revoked since its last pull, and sends it nothing', async () => {
    await enrolled(CLINIC_A, 'AAA01');
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: 'AAA01', clinicId: CLINIC_A });
    const second = await harness.hub.enrol({ code, deviceId: randomUUID(), deviceName: 'desk 2', databaseId: 'db-2', clinic: null });
    expect((await harness.hub.pull(second.credential, { cursor: null, limit: 100 })).changes).toHaveLength(1);
    expect(await harness.hub.revoke(second.deviceId)).toBe(true);
    await expect(harness.hub.pull(second.credential, { cursor: null, limit: 100 })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(harness.hub.pullJson(second.credential, { cursor: null, limit: 100 })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('reads the feed of a clinic a device was given since its last pull', async () => {
    const deviceA = await enrolled(CLINIC_A, 'AAA01');
    await enrolled(CLINIC_B, 'BBB01');
    const before = await harness.hub.pull(deviceA.credential, { cursor: null, limit: 100 });
    expect(before.changes).toEqual([]);
    await harness.hub.db.query(`insert into hub_device_clinics (device_id, clinic_id, workstation_number) values ($1, $2, 99)`, [deviceA.deviceId, CLINIC_B]);
    const after = await harness.hub.pull(deviceA.credential, { cursor: null, limit: 100 });
    expect(after.changes.map((change) => change.id)).toEqual([CLINIC_B]);
    const asText = JSON.parse(Buffer.concat(await harness.hub.pullJson(deviceA.credential, { cursor: null, limit: 100 })).toString('utf8')) as { changes: { id: string }[] };
    expect(asText.changes.map((change) => change.id)).toEqual([CLINIC_B]);
  });
});

describe('the devices a hub process remembers', () => {
  let harness: HubHarness;
  beforeEach(async () => {
    harness = await startHub({ now: () => T0 });
  });
  afterEach(async () => {
    await harness.close();
  });

  async function deviceOf(clinicCode: string) {
    const clinicId = randomUUID();
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode, clinicId: null });
    return harness.hub.enrol({ code, deviceId: randomUUID(), deviceName: `desk ${clinicCode}`, databaseId: `db-${clinicCode}`, clinic: { id: clinicId, code: clinicCode, organizationId: clinicId } });
  }

  /** Runs for a credential and tells for which scopes the work was done, in order. */
  async function scopesWorkedFor(remembered: RecentDevices, credential: string): Promise<DeviceScope[]> {
    const scopes: DeviceScope[] = [];
    await remembered.run(harness.hub.db, credential, async (scope) => {
      scopes.push(scope);
      return Promise.resolve(null);
    });
    return scopes;
  }

  it('starts the work before the check for a device it knows, and again when the device changed', async () => {
    const remembered = new RecentDevices();
    const device = await deviceOf('AAA01');
    expect(await scopesWorkedFor(remembered, device.credential)).toEqual([{ id: device.deviceId, clinicIds: [device.clinicId] }]);
    expect(await scopesWorkedFor(remembered, device.credential)).toHaveLength(1);
    await harness.hub.db.query(`insert into hub_device_clinics (device_id, clinic_id, workstation_number) values ($1, 'another-clinic', 7)`, [device.deviceId]);
    const changed = await scopesWorkedFor(remembered, device.credential);
    expect(changed).toHaveLength(2);
    expect(changed[1]?.clinicIds).toEqual(expect.arrayContaining([device.clinicId, 'another-clinic']));
  });

  it('forgets the device unseen longest when full, and a device that was refused', async () => {
    const remembered = new RecentDevices(1);
    const first = await deviceOf('AAA01');
    const second = await deviceOf('BBB01');
    await scopesWorkedFor(remembered, first.credential);
    await scopesWorkedFor(remembered, second.credential);
    await harness.hub.db.query(`insert into hub_device_clinics (device_id, clinic_id, workstation_number) values ($1, 'another-clinic', 7)`, [first.deviceId]);
    // Forgotten, so no early work for its old clinics: the work is done once, for the new ones.
    expect(await scopesWorkedFor(remembered, first.credential)).toHaveLength(1);
    await harness.hub.revoke(first.deviceId);
    await expect(scopesWorkedFor(remembered, first.credential)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await harness.hub.db.query(`insert into hub_device_clinics (device_id, clinic_id, workstation_number) values ($1, 'a-third-clinic', 8)`, [first.deviceId]);
    await harness.hub.db.query(`update hub_devices set revoked_at = null where id = $1`, [first.deviceId]);
    expect(await scopesWorkedFor(remembered, first.credential)).toHaveLength(1);
  });
});

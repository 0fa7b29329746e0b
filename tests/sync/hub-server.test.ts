import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc } from '#shared/sync/hlc.ts';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '#shared/sync/protocol.ts';
import { createHubServer, HUB_BODY_LIMIT_BYTES } from '#hub/server.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import { malformedRequests, sendRaw } from '#tests/support/malformed-requests.ts';

const CLINIC = '01900000-0000-7000-8000-00000000000a';
const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';

type Answer = { status: number; body: { error?: { code: string; message: string } } & Record<string, unknown> };

// The hub's HTTP face over real sockets on 127.0.0.1: every refusal has its status and a
// sentence saying what to do, and a refused request changes nothing.
describe('the hub over HTTP', () => {
  let harness: HubHarness;
  let app: FastifyInstance;
  let url = '';
  let credential = '';
  let deviceId = '';

  beforeAll(async () => {
    harness = await startHub();
    app = await createHubServer({ hub: harness.hub, version: 'test', adminToken: ADMIN_TOKEN });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    url = `http://127.0.0.1:${String(typeof address === 'object' && address !== null ? address.port : 0)}`;
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: 'AAA01', clinicId: null });
    deviceId = randomUUID();
    credential = (await harness.hub.enrol({ code, deviceId, deviceName: 'desk', databaseId: 'db-1', clinic: { id: CLINIC, code: 'AAA01', organizationId: CLINIC } })).credential;
  });

  afterAll(async () => {
    await app.close();
    await harness.close();
  });

  async function post(path: string, body: string, headers: Record<string, string> = {}, base = url): Promise<Answer> {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION), authorization: `Bearer ${credential}`, ...headers },
      body,
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

  async function hubState(): Promise<string> {
    const [changes] = await harness.hub.db.query<{ n: string }>(`select coalesce(sum(change_count), 0)::text as n from hub_feed`);
    const [device] = await harness.hub.db.query<{ last_seq: string }>(`select last_seq::text from hub_devices where id = $1`, [deviceId]);
    return `${changes?.n ?? ''} changes, device at ${device?.last_seq ?? ''}`;
  }

  it('answers its health, with its identity', async () => {
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', service: 'hub', hubId: harness.hub.identity().hubId });
  });

  it('tells an out-of-date workstation to update, and an unknown one to enrol', async () => {
    const old = await post('/sync/pull', '{"cursor":null}', { [PROTOCOL_HEADER]: '0' });
    expect(old.status).toBe(426);
    expect(old.body.error?.code).toBe('UPDATE_REQUIRED');
    expect(old.body.error?.message).toMatch(/Update Clinic Desk/);
    const stranger = await post('/sync/pull', '{"cursor":null}', { authorization: 'Bearer not-a-real-credential-at-all' });
    expect(stranger.status).toBe(401);
    expect(stranger.body.error?.message).toMatch(/Enrol it again/);
  });

  it('refuses malformed and oversized bodies without changing anything', async () => {
    const before = await hubState();
    const notJson = await post('/sync/push', '{"txs": [');
    expect(notJson).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST' } } });
    const wrongShape = await post('/sync/push', JSON.stringify({ txs: [{ seq: 1, hlc: 'yesterday', ops: [] }] }));
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body.error?.message).toMatch(/not valid: txs\.0\./);
    const huge = await post('/sync/push', JSON.stringify({ txs: [{ seq: 1, hlc: formatHlc({ wallMs: Date.now(), counter: 0, node: 'abcd' }), ops: [{ table: 'clinics', id: CLINIC, kind: 'insert', columns: { name: 'x'.repeat(HUB_BODY_LIMIT_BYTES) } }] }] }));
    expect(huge.status).toBe(413);
    expect(huge.body.error?.message).toMatch(/smaller batches/);
    expect(await hubState()).toBe(before);
  });

  it('refuses a request holding text its database cannot store as a bad request, not a failure of its own', async () => {
    const before = await hubState();
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: 'NUL01', clinicId: null });
    const cases: [string, string, string][] = [
      ['a device name with NUL', '/sync/enrol', JSON.stringify({ code, deviceId: randomUUID(), deviceName: 'desk\u0000', databaseId: 'db-nul', clinic: { id: randomUUID(), code: 'NUL01' } })],
      ['a position with half a surrogate pair', '/sync/snapshot/page', JSON.stringify({ table: 'patients', after: '\ud800', limit: 10 })],
      ['a clinic with NUL', '/sync/pull', JSON.stringify({ cursor: null, clinicId: '\u0000' })],
    ];
    for (const [label, path, body] of cases) {
      const answer = await post(path, body);
      expect(answer.status, label).toBe(400);
      expect(answer.body.error?.code, label).toBe('BAD_REQUEST');
      expect(answer.body.error?.message, label).toMatch(/cannot be saved/);
    }
    expect(await hubState()).toBe(before);
  });

  it('answers what the HTTP framework refuses in its own error shape, as every other refusal', async () => {
    const before = await hubState();
    const port = Number(new URL(url).port);
    for (const request of malformedRequests(port, { path: '/sync/push', param: '/sync/', longParamStatus: 404 }, HUB_BODY_LIMIT_BYTES, `${PROTOCOL_HEADER}: ${String(SYNC_PROTOCOL_VERSION)}\r\n`)) {
      const answer = await sendRaw(port, request.text);
      expect.soft(answer.status, request.label).toBe(request.status);
      expect.soft(answer.body, request.label).toEqual({ error: { code: expect.stringMatching(/^(BAD_REQUEST|NOT_FOUND|TOO_LARGE)$/) as unknown, message: expect.any(String) as unknown } });
    }
    expect(await hubState()).toBe(before);
  });

  it('compares over HTTP: digests of what the device sees, ranges of keys, and refusals that say what is wrong', async () => {
    const digests = await post('/sync/digest', '{}');
    expect(digests.status).toBe(200);
    const stranger = await post('/sync/digest', '{}', { authorization: 'Bearer not-a-real-credential-at-all' });
    expect(stranger.status).toBe(401);
    const unknownTable = await post('/sync/digest/ranges', JSON.stringify({ table: 'secrets' }));
    expect(unknownTable.status).toBe(400);
    expect(unknownTable.body.error?.message).toMatch(/no table named "secrets"/);
    const extra = await post('/sync/digest/ranges', JSON.stringify({ table: 'patients', where: '1=1' }));
    expect(extra.status).toBe(400);
    const ranges = await post('/sync/digest/ranges', JSON.stringify({ table: 'patients' }));
    expect(ranges.status).toBe(200);
    const tooLong = await post('/sync/snapshot/page', JSON.stringify({ table: 'patients', after: null, through: 'x'.repeat(81) }));
    expect(tooLong.status).toBe(400);
  });

  it('keeps administration to its own machine and token', async () => {
    const refused = await post('/admin/enrolment-codes', JSON.stringify({ clinicCode: 'BBB01' }), { 'x-hub-admin-token': 'wrong' });
    expect(refused.status).toBe(403);
    const badCode = await post('/admin/enrolment-codes', JSON.stringify({ clinicCode: 'nope' }), { 'x-hub-admin-token': ADMIN_TOKEN });
    expect(badCode).toMatchObject({ status: 400 });
    expect(badCode.body.error?.message).toMatch(/three letters and two digits/);
    const made = await post('/admin/enrolment-codes', JSON.stringify({ clinicCode: 'BBB01' }), { 'x-hub-admin-token': ADMIN_TOKEN });
    expect(made.status).toBe(200);
    expect(typeof made.body['code']).toBe('string');
  });

  it('shuts out a revoked device', async () => {
    expect((await post('/sync/pull', '{"cursor":null}')).status).toBe(200);
    expect(await harness.hub.revoke(deviceId)).toBe(true);
    const refused = await post('/sync/pull', '{"cursor":null}');
    expect(refused.status).toBe(401);
    expect(refused.body.error?.code).toBe('UNAUTHENTICATED');
  });

  // Each with a server of its own, so each starts with full allowances, and with the time held
  // still, so no allowance refills while a test's requests are on their way: the counts are exact.
  describe('its rate limits', () => {
    let limited: FastifyInstance;
    let limitedUrl = '';
    beforeEach(async () => {
      limited = await createHubServer({ hub: harness.hub, version: 'test', adminToken: ADMIN_TOKEN, now: () => 0 });
      await limited.listen({ host: '127.0.0.1', port: 0 });
      const address = limited.server.address();
      limitedUrl = `http://127.0.0.1:${String(typeof address === 'object' && address !== null ? address.port : 0)}`;
    });
    afterEach(async () => {
      await limited.close();
    });

    const send = (path: string, body: string, credential: string | null): Promise<Answer> =>
      post(path, body, { authorization: credential === null ? '' : `Bearer ${credential}` }, limitedUrl);

    async function enrolledDevice(clinicCode: string): Promise<string> {
      const { code } = await harness.hub.createEnrolmentCode({ clinicCode, clinicId: null });
      return (await harness.hub.enrol({ code, deviceId: randomUUID(), deviceName: `desk ${clinicCode}`, databaseId: `db-${clinicCode}`, clinic: { id: randomUUID(), code: clinicCode, organizationId: randomUUID() } })).credential;
    }

    it('slows down a workstation that sends too many requests, and only that one', async () => {
      const busy = await enrolledDevice('CCC01');
      const calm = await enrolledDevice('DDD01');
      // Each proves its credential once; from then on its requests draw on its own allowance.
      expect((await send('/sync/pull', '{"cursor":null}', busy)).status).toBe(200);
      expect((await send('/sync/pull', '{"cursor":null}', calm)).status).toBe(200);
      // Requests the hub refuses at once (no cursor), so they come faster than the bucket refills.
      const answers = await Promise.all(Array.from({ length: 900 }, () => send('/sync/pull', '{}', busy)));
      const slowed = answers.filter((answer) => answer.status === 429);
      expect(slowed.length).toBe(500);
      expect(slowed[0]?.body.error?.message).toMatch(/slow down and try again/);
      expect(answers.filter((answer) => answer.status === 400).length).toBe(400);
      expect((await send('/sync/pull', '{"cursor":null}', calm)).status, 'another workstation is not slowed').toBe(200);
      expect((await send('/sync/enrol', '{}', null)).status, 'nor is its address').toBe(400);
    });

    it('gives a made-up credential no allowance of its own: its requests count against their address', async () => {
      const calm = await enrolledDevice('EEE01');
      expect((await send('/sync/pull', '{"cursor":null}', calm)).status).toBe(200);
      // Enrolment codes guessed 600 times, each guess under a credential never seen before.
      const guess = (): string => JSON.stringify({ code: 'WRONG-GUESS', deviceId: randomUUID(), deviceName: 'guesser', databaseId: 'db-guess', clinic: null });
      const answers = await Promise.all(Array.from({ length: 600 }, () => send('/sync/enrol', guess(), randomBytes(32).toString('base64url'))));
      // The address had used one request of its allowance of 400: the workstation's first, before its credential was known.
      expect(answers.filter((answer) => answer.status === 403).length).toBe(399);
      expect(answers.filter((answer) => answer.status === 429).length).toBe(201);
      expect((await send('/sync/enrol', guess(), null)).status, 'the address has used its allowance').toBe(429);
      expect((await send('/sync/pull', '{"cursor":null}', randomBytes(32).toString('base64url'))).status, 'so has any credential it makes up').toBe(429);
      expect((await send('/sync/pull', '{"cursor":null}', calm)).status, 'an enrolled workstation is still served').toBe(200);
    });

    it('forgets a credential that stops being accepted', async () => {
      const { code } = await harness.hub.createEnrolmentCode({ clinicCode: 'FFF01', clinicId: null });
      const deviceOf = randomUUID();
      const revoked = (await harness.hub.enrol({ code, deviceId: deviceOf, deviceName: 'desk FFF01', databaseId: 'db-FFF01', clinic: { id: randomUUID(), code: 'FFF01', organizationId: randomUUID() } })).credential;
      expect((await send('/sync/pull', '{"cursor":null}', revoked)).status).toBe(200);
      await harness.hub.revoke(deviceOf);
      expect((await send('/sync/pull', '{"cursor":null}', revoked)).status).toBe(401);
      const answers = await Promise.all(Array.from({ length: 600 }, () => send('/sync/pull', '{"cursor":null}', revoked)));
      expect(answers.filter((answer) => answer.status === 429).length, 'its retries count against its address').toBe(201);
      expect((await send('/sync/enrol', '{}', null)).status).toBe(429);
    });
  });
});

import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '#core/web/server.ts';
import { malformedRequests, sendRaw } from '#tests/support/malformed-requests.ts';
import { startWebHarness, type WebHarness } from '#tests/support/web-harness.ts';

type Reply = { status: number; body: unknown; headers: Headers };

describe('web host transport', () => {
  let host: WebHarness;
  beforeAll(async () => {
    host = await startWebHarness();
  });
  afterAll(() => host.close());

  const post = async (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Reply> => {
    const response = await fetch(`${host.url}${path}`, { method: 'POST', headers, body });
    return { status: response.status, body: await response.json(), headers: response.headers };
  };
  const call = (name: string, input: unknown, token: string | null = host.adminToken): Promise<Reply> =>
    post(`/api/call/${name}`, JSON.stringify(input), { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) });

  /** What a bad request must not change. */
  const snapshot = (): unknown =>
    host.core.database.sqlite.prepare(`select (select count(*) from users) users, (select count(*) from clinics) clinics, (select group_concat(name || ':' || city) from clinics) details`).get();

  it('answers the health check', async () => {
    const response = await fetch(`${host.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', service: 'web-host', version: '0.0.0-test' });
  });

  it('carries a call and its typed result', async () => {
    const reply = await call('clinic.get', {});
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ ok: true, result: { code: 'RFC01' } });
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('answers every malformed request with its typed error and changes nothing', async () => {
    const before = snapshot();
    const oversized = JSON.stringify({ fullName: 'x'.repeat(BODY_LIMIT_BYTES), username: 'big', email: '', phone: '', password: 'long enough', role: 'STAFF' });
    const cases: [string, Promise<Reply>, number, string][] = [
      ['malformed JSON', post('/api/call/users.create', '{"fullName": "Half', { 'content-type': 'application/json', authorization: `Bearer ${host.adminToken}` }), 400, 'The request body is not valid JSON.'],
      ['oversized body', post('/api/call/users.create', oversized, { 'content-type': 'application/json', authorization: `Bearer ${host.adminToken}` }), 413, 'The request is too large; the limit is 1024 KB.'],
      ['plain text body', post('/api/call/users.create', 'fullName=x', { 'content-type': 'text/plain', authorization: `Bearer ${host.adminToken}` }), 415, 'Calls must be sent as JSON (Content-Type: application/json).'],
      ['form body', post('/api/call/users.create', 'a=b', { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${host.adminToken}` }), 415, 'Calls must be sent as JSON (Content-Type: application/json).'],
      ['unknown call', call('users.dropAll', {}), 404, 'There is no call named "users.dropAll".'],
      ['wrong type', call('clinic.update', { name: 12 }), 400, ''],
      ['array instead of object', call('users.create', [1, 2]), 400, ''],
      ['no session', call('users.create', {}, null), 401, 'Please sign in.'],
      ['forged session', call('users.create', {}, 'A'.repeat(43)), 401, 'Please sign in.'],
    ];
    for (const [label, pending, status, message] of cases) {
      const reply = await pending;
      expect(reply.status, label).toBe(status);
      const body = reply.body as { ok: boolean; error: { code: string; message: string } };
      expect(body.ok, label).toBe(false);
      expect(['VALIDATION', 'NOT_FOUND', 'UNAUTHENTICATED'], label).toContain(body.error.code);
      if (message !== '') expect(body.error.message, label).toBe(message);
    }
    const wrongType = (await call('clinic.update', { name: 12 })).body as { error: { code: string; field: string } };
    expect(wrongType.error).toMatchObject({ code: 'VALIDATION', field: 'name' });
    expect(snapshot()).toEqual(before);
  });

  it('answers what the HTTP framework refuses in the same typed shape as every other error', async () => {
    const before = snapshot();
    const port = Number(new URL(host.url).port);
    for (const request of malformedRequests(port, { path: '/api/call/clinic.get', param: '/api/call/', longParamStatus: 414 }, BODY_LIMIT_BYTES)) {
      const answer = await sendRaw(port, request.text);
      expect.soft(answer.status, request.label).toBe(request.status);
      expect.soft(answer.body, request.label).toEqual({ ok: false, error: { code: expect.stringMatching(/^(VALIDATION|NOT_FOUND)$/) as unknown, message: expect.any(String) as unknown } });
      expect.soft(answer.raw, request.label).toMatch(/\r\ncontent-security-policy: /i);
    }
    expect(snapshot()).toEqual(before);
  });

  it('refuses text the hub could not store, in any field of any call, before anything is written', async () => {
    const countOf = (table: string): number => host.core.database.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number;
    const patientsBefore = countOf('patients');
    const cases: [string, string, unknown, string, number][] = [
      ['NUL in a name', 'patients.register', { givenName: 'N\u0000ul', familyName: 'Sharma', sex: 'FEMALE', birth: { kind: 'date', date: '1988-04-12' } }, 'givenName', 400],
      ['half of a surrogate pair', 'patients.register', { givenName: 'Priya', familyName: 'Sh\ud800arma', sex: 'FEMALE', birth: { kind: 'date', date: '1988-04-12' } }, 'familyName', 400],
      ['a lone low surrogate deep in a list', 'patients.register', { givenName: 'Priya', familyName: 'Sharma', sex: 'FEMALE', birth: { kind: 'date', date: '1988-04-12' }, allergies: ['ok', 'pea\udc00nuts'] }, 'allergies.1', 400],
      // A public call: refused before the sign-in's audit row could keep the attempted name.
      ['NUL in a username', 'auth.signIn', { username: 'ada\u0000', password: 'whatever it is' }, 'username', 400],
    ];
    const auditBefore = countOf('audit_log');
    for (const [label, name, input, field, status] of cases) {
      const reply = await call(name, input, name === 'auth.signIn' ? null : host.adminToken);
      expect(reply.status, label).toBe(status);
      expect(reply.body, label).toMatchObject({ ok: false, error: { code: 'VALIDATION', field } });
    }
    expect(countOf('patients')).toBe(patientsBefore);
    // Each refused call leaves no row at all: not even its audit row holds the text.
    expect(host.core.database.sqlite.prepare(`select count(*) from audit_log where instr(coalesce(attempted_username, ''), char(0)) > 0`).pluck().get()).toBe(0);
    expect(countOf('audit_log')).toBe(auditBefore);
    // A whole emoji (a pair of surrogates) is ordinary text.
    const emoji = await call('patients.register', { givenName: 'Priya 🌷', familyName: 'Sharma', sex: 'FEMALE', birth: { kind: 'date', date: '1988-04-12' }, notADuplicate: true });
    expect(emoji.body).toMatchObject({ ok: true, result: { givenName: 'Priya 🌷' } });
  });

  it('refuses calls from another origin or under another host name', async () => {
    const before = snapshot();
    const crossOrigin = await post('/api/call/clinic.get', '{}', { 'content-type': 'application/json', origin: 'http://evil.example', authorization: `Bearer ${host.adminToken}` });
    expect(crossOrigin.status).toBe(403);
    expect(crossOrigin.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const rebound = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${host.url}/api/call/system.status`, { method: 'POST', headers: { host: 'attacker.example:80', 'content-type': 'application/json' } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end('{}');
    });
    expect(rebound).toBe(403);
    expect(snapshot()).toEqual(before);
  });

  it('streams the session’s events as server-sent events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${host.url}/api/events`, { headers: { authorization: `Bearer ${host.adminToken}` }, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    const arrived = (async () => {
      while (reader !== undefined && !received.includes('data.changed')) {
        const { value, done } = await reader.read();
        if (done) break;
        received += value;
      }
    })();
    const clinic = (await call('clinic.get', {})).body as { result: Record<string, unknown> };
    const { id: _id, code: _code, createdAt: _c, updatedAt: _u, ...details } = clinic.result;
    await call('clinic.update', { ...details, phone: '+44 117 496 0999' });
    await arrived;
    expect(received).toContain('"type":"data.changed","call":"clinic.update"');
    controller.abort();

    const anonymous = await fetch(`${host.url}/api/events`);
    expect(anonymous.status).toBe(401);
  });

  it('closes a waiting-room screen’s open event stream as soon as its link is revoked', async () => {
    const { key } = ((await call('display.createLink', {})).body as { result: { key: string } }).result;
    const controller = new AbortController();
    const response = await fetch(`${host.url}/api/display/events`, { headers: { 'x-display-key': key }, signal: controller.signal });
    expect(response.status).toBe(200);
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (reader === undefined) throw new Error('no stream');
    let received = '';
    const ended = (async (): Promise<boolean> => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return true;
        received += value;
      }
    })();
    await call('display.revokeLinks', {});
    const closed = await Promise.race([ended, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000))]);
    controller.abort();
    expect(closed, 'the stream ends with the revoke').toBe(true);
    // Its last word has the screen read its board again, which then says the link was revoked.
    expect(received).toMatch(/data: \{"type":"board.changed"\}\n\n$/);
    expect((await fetch(`${host.url}/api/display/board`, { headers: { 'x-display-key': key } })).status).toBe(404);
  });
});

import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';
import { manualClock } from '#core/platform/clock.ts';
import { blobPathIn, DEFAULT_PREFETCH_MAX_BYTES, setPrefetchLimitBytes } from '#core/modules/documents/index.ts';
import { HubError } from '#hub/sync/hub-errors.ts';
import { adminAccount, patientInput, sampleClinic, START_MS } from '#tests/support/core-harness.ts';
import { samplePdf, samplePng } from '#tests/support/document-files.ts';
import { describeEachHubKind } from '#tests/support/each-hub-kind.ts';
import { startHub, type HubHarness } from '#tests/support/hub-harness.ts';
import type { Network } from '#tests/support/network-faults.ts';
import { openWorkstation, type Workstation } from '#tests/support/sync-world.ts';

async function call<N extends CallName>(ws: Workstation, name: N, input: CallInput<N>, token: string | null = null): Promise<CallResult<N>> {
  const outcome = await ws.core.dispatch({ call: name, input, token });
  if (!outcome.ok) throw new Error(`${ws.key} ${name}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as CallResult<N>;
}

async function failure<N extends CallName>(ws: Workstation, name: N, input: CallInput<N>, token: string): Promise<{ code: string; message: string }> {
  const outcome = await ws.core.dispatch({ call: name, input, token });
  if (outcome.ok) throw new Error(`${ws.key} ${name} succeeded but was expected to fail`);
  return outcome.error;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function hubRefusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof HubError) return error.code;
    throw error;
  }
  throw new Error('the hub answered');
}

// A document attached on one workstation: its row reaches the other at once, its bytes when
// someone opens it there, fetched from the hub and checked against their hash. A file changed at
// the hub is refused; another organization's workstation cannot fetch it, even knowing its hash.
describeEachHubKind('documents across workstations (%s hub)', (kind) => {
  let online = true;
  const network: Network = { reachable: () => online, fault: () => 'deliver' };
  let harness: HubHarness;
  let first: Workstation;
  let second: Workstation;
  let stranger: Workstation;
  let patientId = '';
  let doctorOnFirst = '';
  let doctorOnSecond = '';

  const credentialOf = (ws: Workstation): string => ws.core.sync.settings()?.credential ?? '';
  const attach = (ws: Workstation, token: string, bytes: Buffer, overrides: Partial<CallInput<'documents.attach'>> = {}) =>
    call(ws, 'documents.attach', { patientId, type: 'REFERRAL_LETTER', documentDate: '2026-02-27', title: 'Referral', fileName: 'referral.pdf', mimeType: 'application/pdf', contentBase64: bytes.toString('base64'), ...overrides }, token);

  beforeAll(async () => {
    harness = await startHub({ now: manualClock(START_MS).now, kind });
    first = await openWorkstation('one', () => harness.hub, { startMs: START_MS, network });
    second = await openWorkstation('two', () => harness.hub, { startMs: START_MS, network });
    stranger = await openWorkstation('stranger', () => harness.hub, { startMs: START_MS, network });
    const setup = await call(first, 'setup.createClinic', { clinic: sampleClinic, admin: adminAccount });
    const admin = setup.token ?? '';
    await call(first, 'users.create', { fullName: 'Dr. Jo Bell', username: 'jbell', email: '', phone: '', password: 'doctor-pass', role: 'DOCTOR' }, admin);
    doctorOnFirst = (await call(first, 'auth.signIn', { username: 'jbell', password: 'doctor-pass' })).token ?? '';
    await call(first, 'auth.changePassword', { currentPassword: 'doctor-pass', newPassword: 'doctor-own-pass' }, doctorOnFirst);
    patientId = (await call(first, 'patients.register', { ...patientInput(), notADuplicate: false }, admin)).id;
    const { code } = await harness.hub.createEnrolmentCode({ clinicCode: 'RFC01', clinicId: null });
    await call(first, 'sync.connect', { hubUrl: 'http://hub.test', code }, admin);
    await first.core.sync.syncNow();
    const join = await call(first, 'sync.createJoinCode', {}, admin);
    await call(second, 'sync.join', { hubUrl: 'http://hub.test', code: join.code });
    await second.core.sync.syncNow();
    // Nothing fetched ahead on the second desk unless a test says so: opening is what fetches.
    setPrefetchLimitBytes(second.core.database.sqlite, 0);
    doctorOnSecond = (await call(second, 'auth.signIn', { username: 'jbell', password: 'doctor-own-pass' })).token ?? '';

    // Another practice on the same hub: an organization of its own.
    const other = await call(stranger, 'setup.createClinic', { clinic: { ...sampleClinic, name: 'Hillside Practice', code: 'HIL01' }, admin: { ...adminAccount, username: 'hila' } });
    const otherCode = await harness.hub.createEnrolmentCode({ clinicCode: 'HIL01', clinicId: null });
    await call(stranger, 'sync.connect', { hubUrl: 'http://hub.test', code: otherCode.code }, other.token ?? '');
    await stranger.core.sync.syncNow();
  });

  afterAll(async () => {
    await first.close();
    await second.close();
    await stranger.close();
    await harness.close();
  });

  it('sends the metadata at once and the bytes when the document is opened, checked by hash', async () => {
    const pdf = samplePdf('Referral to dermatology');
    const attached = await attach(first, doctorOnFirst, pdf);
    await first.core.sync.syncNow();
    expect(first.core.database.sqlite.prepare('select count(*) from document_uploads').pluck().get()).toBe(0);
    await second.core.sync.syncNow();

    const listed = await call(second, 'documents.ofPatient', { patientId }, doctorOnSecond);
    expect(listed.documents.map((document) => ({ id: document.id, availableHere: document.availableHere }))).toEqual([{ id: attached.id, availableHere: false }]);
    expect(existsSync(blobPathIn(second.dataDir, sha256(pdf)))).toBe(false);

    const opened = await call(second, 'documents.open', { documentId: attached.id }, doctorOnSecond);
    expect(Buffer.from(opened.contentBase64, 'base64').equals(pdf)).toBe(true);
    expect(existsSync(blobPathIn(second.dataDir, sha256(pdf)))).toBe(true);
    const audit = second.core.database.sqlite.prepare(`select detail from audit_log where action = 'documents.open' and entity_id = ?`).pluck().get(attached.id) as string;
    expect(JSON.parse(audit)).toMatchObject({ fetchedFromHub: true });

    // Offline now, the file opens from this workstation.
    online = false;
    try {
      expect((await call(second, 'documents.open', { documentId: attached.id }, doctorOnSecond)).document.availableHere).toBe(true);
    } finally {
      online = true;
    }
  });

  it('refuses a file the hub hands back changed, and keeps nothing of it', async () => {
    const png = samplePng(30, 20, 7);
    const attached = await attach(first, doctorOnFirst, png, { type: 'PHOTO', mimeType: 'image/png', fileName: 'rash.png', title: 'Rash' });
    await first.core.sync.syncNow();
    await second.core.sync.syncNow();
    const tampered = Buffer.from(png);
    tampered[tampered.length - 20] = (tampered[tampered.length - 20] ?? 0) ^ 0xff;
    await harness.hub.db.query(`update hub_blobs set bytes = $1 where content_hash = $2`, [tampered, sha256(png)]);

    const refused = await failure(second, 'documents.open', { documentId: attached.id }, doctorOnSecond);
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/does not match its fingerprint/);
    expect(existsSync(blobPathIn(second.dataDir, sha256(png)))).toBe(false);
  });

  it('never lets another organization’s workstation fetch or place a file, even knowing its hash', async () => {
    const pdf = samplePdf('Referral to dermatology');
    const hash = sha256(pdf);
    expect(await hubRefusal(harness.hub.downloadBlob(credentialOf(stranger), { hash }))).toBe('NOT_FOUND');
    expect(await hubRefusal(harness.hub.uploadBlob(credentialOf(stranger), { hash, contentBase64: pdf.toString('base64') }))).toBe('NOT_FOUND');
    // The hub keeps the file once, for the organization whose rows name it.
    const held = await harness.hub.db.query<{ count: string | number }>(`select count(*) as count from hub_blobs where content_hash = $1`, [hash]);
    expect(Number(held[0]?.count)).toBe(1);
    // The same workstation of the right organization is served.
    expect((await harness.hub.downloadBlob(credentialOf(second), { hash })).hash).toBe(hash);
  });

  it('says plainly when the file is not here and the hub cannot be reached, and uploads what waited once back', async () => {
    online = false;
    const pdf = samplePdf('Consent for minor surgery');
    let attached;
    try {
      attached = await attach(first, doctorOnFirst, pdf, { type: 'CONSENT', title: 'Consent' });
      await first.core.sync.syncNow();
      expect(first.core.database.sqlite.prepare('select count(*) from document_uploads').pluck().get()).toBe(1);
    } finally {
      online = true;
    }
    await second.core.sync.syncNow();
    // The row came up with the push; the file went up at the end of the same cycle.
    expect(first.core.database.sqlite.prepare('select count(*) from document_uploads').pluck().get()).toBe(1);
    await first.core.sync.syncNow();
    expect(first.core.database.sqlite.prepare('select count(*) from document_uploads').pluck().get()).toBe(0);
    await second.core.sync.syncNow();
    online = false;
    try {
      const offline = await failure(second, 'documents.open', { documentId: attached.id }, doctorOnSecond);
      expect(offline.code).toBe('CONFLICT');
      expect(offline.message).toMatch(/hub cannot be reached/);
    } finally {
      online = true;
    }
    expect((await call(second, 'documents.open', { documentId: attached.id }, doctorOnSecond)).document.id).toBe(attached.id);
  });

  it('fetches small files ahead in the background when the setting allows, and leaves large ones', async () => {
    setPrefetchLimitBytes(second.core.database.sqlite, DEFAULT_PREFETCH_MAX_BYTES);
    const small = samplePng(10, 10, 11);
    const large = Buffer.alloc(DEFAULT_PREFETCH_MAX_BYTES + 1, 0x20);
    large.write('%PDF-1.4\n');
    await attach(first, doctorOnFirst, small, { type: 'PHOTO', mimeType: 'image/png', fileName: 'small.png', title: 'Small' });
    await attach(first, doctorOnFirst, large, { type: 'IMAGING', title: 'Large scan' });
    await first.core.sync.syncNow();
    await second.core.sync.syncNow();
    expect(existsSync(blobPathIn(second.dataDir, sha256(small)))).toBe(true);
    expect(existsSync(blobPathIn(second.dataDir, sha256(large)))).toBe(false);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '#shared/api/contract.ts';
import { DOCUMENT_MAX_BYTES } from '#shared/modules/documents/index.ts';
import { blobPathIn } from '#core/modules/documents/index.ts';
import { doctorWithSchedule, patientInput, setUpClinic, startHarness, userWithRole, type Harness } from '#tests/support/core-harness.ts';
import { samplePdf, samplePng } from '#tests/support/document-files.ts';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('patient documents on one workstation', () => {
  let harness: Harness;
  let admin: string;
  let doctor: string;
  let staff: { token: string; userId: string };
  let pharmacist: string;
  let patientId: string;
  const sqlite = () => harness.core.database.sqlite;

  beforeAll(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
    doctor = (await doctorWithSchedule(harness, admin, 'drdoc')).token;
    staff = await userWithRole(harness, admin, 'STAFF', 'desk');
    pharmacist = (await userWithRole(harness, admin, 'PHARMACIST', 'pharm')).token;
    patientId = (await harness.call('patients.register', { ...patientInput(), notADuplicate: false }, admin)).id;
  });
  afterAll(() => harness.close());

  function attachment(bytes: Buffer, overrides: Partial<CallInput<'documents.attach'>> = {}): CallInput<'documents.attach'> {
    return { patientId, type: 'REFERRAL_LETTER', documentDate: '2026-02-20', title: 'Letter from Dr. Osei', fileName: 'letter.pdf', mimeType: 'application/pdf', contentBase64: bytes.toString('base64'), ...overrides };
  }

  it('stores the file by its hash beside the database, atomically, and the metadata as a synced row', async () => {
    const pdf = samplePdf('Referral to cardiology');
    const document = await harness.call('documents.attach', attachment(pdf), doctor);
    expect(document).toMatchObject({ patientId, type: 'REFERRAL_LETTER', sizeBytes: pdf.length, contentHash: sha256(pdf), mimeType: 'application/pdf', availableHere: true, mayOpen: true, uploadedByName: 'Test DOCTOR' });
    const path = blobPathIn(harness.dataDir, sha256(pdf));
    expect(path).toBe(join(harness.dataDir, 'documents', sha256(pdf).slice(0, 2), sha256(pdf)));
    expect(readFileSync(path).equals(pdf)).toBe(true);
    // No temporary file is left beside it.
    expect(readdirSync(join(harness.dataDir, 'documents', sha256(pdf).slice(0, 2)))).toEqual([sha256(pdf)]);
    // The database holds the metadata, not the bytes.
    const row = sqlite().prepare('select * from patient_documents where id = ?').get(document.id) as Record<string, unknown>;
    expect(row).toMatchObject({ content_hash: sha256(pdf), size_bytes: pdf.length });
    expect(typeof row.clinic_id).toBe('string');
    expect(JSON.stringify(row)).not.toContain(pdf.toString('base64').slice(0, 40));
    expect(sqlite().prepare('select count(*) from document_uploads where content_hash = ?').pluck().get(sha256(pdf))).toBe(1);
  });

  it('keeps one file for the same bytes attached twice', async () => {
    const png = samplePng(20, 20, 3);
    const first = await harness.call('documents.attach', attachment(png, { type: 'PHOTO', mimeType: 'image/png', fileName: 'wound.png', title: 'Wound, day 1' }), doctor);
    const second = await harness.call('documents.attach', attachment(png, { type: 'PHOTO', mimeType: 'image/png', fileName: 'wound-copy.png', title: 'Wound, again' }), staff.token);
    expect(second.id).not.toBe(first.id);
    expect(second.contentHash).toBe(first.contentHash);
    const folder = join(harness.dataDir, 'documents', first.contentHash.slice(0, 2));
    expect(readdirSync(folder).filter((name) => name === first.contentHash)).toHaveLength(1);
    expect(sqlite().prepare('select count(*) from document_uploads where content_hash = ?').pluck().get(first.contentHash)).toBe(1);
  });

  it('refuses a file over the size limit with a sentence that says the limit', async () => {
    const tooLarge = Buffer.alloc(DOCUMENT_MAX_BYTES + 1, 0x20);
    tooLarge.write('%PDF-1.4\n');
    const error = await harness.fail('documents.attach', attachment(tooLarge), doctor);
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/at most 20 MB/);
    expect(error.message).toMatch(/20\.0 MB/);
  });

  it('refuses a type off the allow-list, and a file whose bytes are not its type', async () => {
    const gif = await harness.fail('documents.attach', { ...attachment(Buffer.from('GIF89a')), mimeType: 'image/gif' }, doctor);
    expect(gif.code).toBe('VALIDATION');
    expect(gif.message).toBe('Only PDF, JPEG, PNG and WebP files can be attached.');
    const disguised = await harness.fail('documents.attach', attachment(Buffer.from('MZ this is a program')), doctor);
    expect(disguised.code).toBe('VALIDATION');
    expect(disguised.message).toMatch(/not a PDF/);
    expect(sqlite().prepare(`select count(*) from patient_documents where file_name = 'letter.pdf' and size_bytes < 30`).pluck().get()).toBe(0);
  });

  it('attaches to an encounter of the same patient only', async () => {
    const encounter = await harness.call('consultation.startUnscheduled', { patientId }, doctor);
    const attached = await harness.call('documents.attach', attachment(samplePdf('Lab'), { type: 'LAB_REPORT', encounterId: encounter.id, title: 'FBC' }), doctor);
    expect(attached.encounterId).toBe(encounter.id);
    const other = (await harness.call('patients.register', { ...patientInput({ givenName: 'Omar', familyName: 'Haddad', phone: '+44 7700 900999' }), notADuplicate: true }, admin)).id;
    const refused = await harness.fail('documents.attach', attachment(samplePdf('Lab'), { patientId: other, encounterId: encounter.id }), doctor);
    expect(refused.code).toBe('VALIDATION');
  });

  it('lets a doctor open every document and the front desk the desk’s own; a pharmacist none', async () => {
    const { documents } = await harness.call('documents.ofPatient', { patientId }, doctor);
    expect(documents.map((document) => document.title)).toEqual(expect.arrayContaining(['Letter from Dr. Osei', 'Wound, day 1', 'FBC']));
    const lab = documents.find((document) => document.type === 'LAB_REPORT');
    const letter = documents.find((document) => document.type === 'REFERRAL_LETTER');
    if (lab === undefined || letter === undefined) throw new Error('missing documents');
    const opened = await harness.call('documents.open', { documentId: lab.id }, doctor);
    expect(Buffer.from(opened.contentBase64, 'base64').toString('latin1')).toContain('(Lab)');

    const atDesk = await harness.call('documents.ofPatient', { patientId }, staff.token);
    expect(atDesk.documents.find((document) => document.id === lab.id)?.mayOpen).toBe(false);
    expect(atDesk.documents.find((document) => document.id === letter.id)?.mayOpen).toBe(true);
    expect((await harness.fail('documents.open', { documentId: lab.id }, staff.token)).code).toBe('FORBIDDEN');
    expect((await harness.call('documents.open', { documentId: letter.id }, staff.token)).document.id).toBe(letter.id);
    // A photo the desk attached itself, it may look at again.
    const ownPhoto = atDesk.documents.find((document) => document.title === 'Wound, again');
    expect(ownPhoto?.mayOpen).toBe(true);

    for (const [name, input] of [['documents.ofPatient', { patientId }], ['documents.open', { documentId: letter.id }], ['documents.attach', attachment(samplePdf())]] as const) {
      expect((await harness.fail(name, input, pharmacist)).code, name).toBe('FORBIDDEN');
    }
  });

  it('audits every write and read, naming the file by hash, never its title', () => {
    const rows = sqlite().prepare(`select action, outcome, entity_type, coalesce(detail, '') as detail from audit_log where action like 'documents.%' order by id`).all() as { action: string; outcome: string; entity_type: string | null; detail: string }[];
    const actions = rows.map((row) => `${row.action} ${row.outcome}`);
    expect(actions).toContain('documents.attach SUCCESS');
    expect(actions).toContain('documents.ofPatient SUCCESS');
    expect(actions).toContain('documents.open SUCCESS');
    expect(actions).toContain('documents.open DENIED');
    for (const row of rows) expect(row.detail).not.toContain('Letter from Dr. Osei');
    const attached = rows.find((row) => row.action === 'documents.attach');
    const detail = JSON.parse(attached?.detail ?? '{}') as { patientId?: string; contentHash?: string };
    expect(detail.patientId).toBe(patientId);
    expect(detail.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('says plainly when the file is not here and there is no hub to fetch it from', async () => {
    const { documents } = await harness.call('documents.ofPatient', { patientId }, doctor);
    const letter = documents.find((document) => document.title === 'Letter from Dr. Osei');
    if (letter === undefined) throw new Error('missing letter');
    const { rmSync } = await import('node:fs');
    rmSync(blobPathIn(harness.dataDir, letter.contentHash));
    expect(existsSync(blobPathIn(harness.dataDir, letter.contentHash))).toBe(false);
    expect((await harness.call('documents.ofPatient', { patientId }, doctor)).documents.find((document) => document.id === letter.id)?.availableHere).toBe(false);
    const error = await harness.fail('documents.open', { documentId: letter.id }, doctor);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/not on this workstation/);
  });
});

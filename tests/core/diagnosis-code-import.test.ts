import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_PART_MAX_CHARS } from '#shared/modules/diagnosis-codes/calls.ts';
import { repositoryRoot } from '#core/platform/paths.ts';
import { setUpClinic, startHarness, userWithRole, type Harness } from '#tests/support/core-harness.ts';

const fixtures = join(repositoryRoot, 'tests', 'fixtures', 'icd10');
const orderText = readFileSync(join(fixtures, 'icd10cm_order_2025.txt'), 'utf8');
const codesText = readFileSync(join(fixtures, 'icd10cm_codes_2025.txt'), 'utf8');
const linesOf = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

describe('diagnosis codes: importing the published tabular files', () => {
  let harness: Harness;
  let adminToken = '';
  let doctorToken = '';

  beforeAll(async () => {
    harness = await startHarness();
    adminToken = await setUpClinic(harness);
    doctorToken = (await userWithRole(harness, adminToken, 'DOCTOR', 'doc')).token;
  });
  afterAll(() => harness.close());

  const codeCount = () => harness.core.database.sqlite.prepare(`select count(*) from diagnosis_codes`).pluck().get() as number;
  const codeSet = async () => (await harness.call('diagnosisCodes.codeSet', {}, doctorToken)).codeSet;

  /** Uploads a file as the administration screen does: start, parts of at most `partSize` characters cut anywhere, finish. */
  async function upload(fileName: string, text: string, partSize: number) {
    const { importId } = await harness.call('diagnosisCodes.importStart', { fileName, edition: 'ICD-10-CM', version: '2025' }, adminToken);
    for (let at = 0; at < text.length; at += partSize) {
      const outcome = await harness.core.dispatch({ call: 'diagnosisCodes.importPart', input: { importId, text: text.slice(at, at + partSize) }, token: adminToken });
      if (!outcome.ok) return outcome.error;
    }
    const finished = await harness.core.dispatch({ call: 'diagnosisCodes.importFinish', input: { importId }, token: adminToken });
    return finished.ok ? finished.result : finished.error;
  }

  it('imports the order file in parts cut mid-line: every code, headers flagged, codes given their dot', async () => {
    const result = await upload('icd10cm_order_2025.txt', orderText, 997);
    expect(result).toMatchObject({ codeSet: { edition: 'ICD-10-CM', version: '2025', source: 'IMPORT', fileName: 'icd10cm_order_2025.txt', codeCount: linesOf(orderText).length } });
    expect(codeCount()).toBe(linesOf(orderText).length);
    const rows = harness.core.database.sqlite.prepare(`select code, title, billable, edition from diagnosis_codes where code in ('J06', 'J06.9', 'S93.401A', 'F03.90')`).all();
    expect(rows).toEqual(
      expect.arrayContaining([
        { code: 'J06', title: 'Acute upper respiratory infections of multiple and unspecified sites', billable: 0, edition: 'ICD-10-CM 2025' },
        { code: 'J06.9', title: 'Acute upper respiratory infection, unspecified', billable: 1, edition: 'ICD-10-CM 2025' },
        { code: 'S93.401A', title: 'Sprain of unspecified ligament of right ankle, initial encounter', billable: 1, edition: 'ICD-10-CM 2025' },
        // The long description, not the short one cut at 60 characters.
        { code: 'F03.90', title: 'Unspecified dementia, unspecified severity, without behavioral disturbance, psychotic disturbance, mood disturbance, and anxiety', billable: 1, edition: 'ICD-10-CM 2025' },
      ]),
    );
    const audit = harness.core.database.sqlite.prepare(`select entity_type, outcome from audit_log where action = 'diagnosisCodes.importFinish'`).all();
    expect(audit).toEqual([{ entity_type: 'diagnosis_code_set', outcome: 'SUCCESS' }]);
    const found = await harness.call('diagnosisCodes.search', { query: 'j069', limit: 5 }, doctorToken);
    expect(found.results[0]).toEqual({ code: 'J06.9', title: 'Acute upper respiratory infection, unspecified', billable: true });
  });

  it('imports the codes file: billable codes only, and the search serves the new set at once', async () => {
    const result = await upload('icd10cm_codes_2025.txt', codesText, IMPORT_PART_MAX_CHARS);
    expect(result).toMatchObject({ codeSet: { fileName: 'icd10cm_codes_2025.txt', codeCount: linesOf(codesText).length } });
    expect(codeCount()).toBe(linesOf(codesText).length);
    const found = await harness.call('diagnosisCodes.search', { query: 'J06', limit: 5 }, doctorToken);
    // The codes file has no headers: J06 itself is gone, its codes stay.
    expect(found.results.map((code) => code.code)).toEqual(['J06.0', 'J06.9']);
  });

  it('refuses a file with a malformed line, naming the line, and imports nothing of it', async () => {
    const before = await codeSet();
    const lines = orderText.split('\n');
    // Line 300 loses its header flag column: the description slides left by two.
    lines[299] = (lines[299] ?? '').slice(0, 14) + (lines[299] ?? '').slice(16);
    const error = await upload('icd10cm_order_2025.txt', lines.join('\n'), 5000);
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect((error as { message: string }).message).toMatch(/^Line 300: .*Nothing was imported\.$/);
    expect(await codeSet()).toEqual(before);
    expect(codeCount()).toBe(before?.codeCount);
  });

  it('refuses an unknown code and a code listed twice by their line numbers', async () => {
    const bad = await upload('icd10cm_codes_2025.txt', 'A000    Cholera due to Vibrio cholerae 01, biovar cholerae\r\n9ZZ     Not a code\r\n', 1000);
    expect(bad).toMatchObject({ code: 'VALIDATION', message: 'Line 2: "9ZZ" is not an ICD-10 code. Nothing was imported.' });
    const twice = await upload('icd10cm_codes_2025.txt', 'A000    Cholera\r\nA001    Cholera due to Vibrio cholerae 01, biovar eltor\r\nA000    Cholera again\r\n', 1000);
    expect(twice).toMatchObject({ code: 'VALIDATION', message: 'Line 3: the code A00.0 is listed twice. Nothing was imported.' });
    const empty = await upload('icd10cm_codes_2025.txt', '\r\n\r\n', 1000);
    expect(empty).toMatchObject({ code: 'VALIDATION', message: 'The file holds no codes. Nothing was imported.' });
  });

  it('keeps an upload to the person who started it', async () => {
    const { importId } = await harness.call('diagnosisCodes.importStart', { fileName: 'x.txt', edition: 'ICD-10-CM', version: '2025' }, adminToken);
    const other = await userWithRole(harness, adminToken, 'ADMIN', 'other-admin');
    const error = await harness.fail('diagnosisCodes.importPart', { importId, text: codesText.slice(0, 100) }, other.token);
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('imports from the command line into the data folder the app uses, and the running app serves it at the next search', () => {
    const file = join(harness.dataDir, 'icd10cm_order_2024.txt');
    writeFileSync(file, orderText.split('\n').slice(0, 120).join('\n'));
    const run = spawnSync('node', ['--import', 'tsx', 'electron/modules/diagnosis-codes/import-command.ts', file], { cwd: repositoryRoot, env: { ...process.env, CLINIC_DATA_DIR: harness.dataDir }, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Imported 120 codes of ICD-10-CM 2024/);
    expect(run.status).toBe(0);
    return harness.call('diagnosisCodes.codeSet', {}, doctorToken).then(({ codeSet: loaded }) => {
      expect(loaded).toMatchObject({ edition: 'ICD-10-CM', version: '2024', codeCount: 120, fileName: 'icd10cm_order_2024.txt' });
    });
  });

  it('tells the command line which line is bad, and exits with an error', () => {
    const file = join(harness.dataDir, 'icd10cm_codes_2024.txt');
    writeFileSync(file, `${codesText.split('\n').slice(0, 10).join('\n')}\nnot a code line\n`);
    const run = spawnSync('node', ['--import', 'tsx', 'electron/modules/diagnosis-codes/import-command.ts', file], { cwd: repositoryRoot, env: { ...process.env, CLINIC_DATA_DIR: harness.dataDir }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('Line 11: "not" is not an ICD-10 code. Nothing was imported.\n');
  });
});

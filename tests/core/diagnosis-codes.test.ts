import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterCodeLines } from '#core/modules/diagnosis-codes/data/starter-codes.ts';
import { diagnosisCodeOf } from '#core/modules/diagnosis-codes/index.ts';
import { STARTER_FILE_NAME } from '#core/modules/diagnosis-codes/starter-load.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { setUpClinic, startHarness, userWithRole, type Harness } from '#tests/support/core-harness.ts';

const starterLineCount = starterCodeLines.split('\n').filter((line) => line.trim() !== '').length;

describe('diagnosis codes: the starter list and search', () => {
  let harness: Harness;
  let doctorToken = '';

  beforeAll(async () => {
    harness = await startHarness();
    const adminToken = await setUpClinic(harness);
    doctorToken = (await userWithRole(harness, adminToken, 'DOCTOR', 'doc')).token;
  });
  afterAll(() => harness.close());

  const search = async (query: string, limit = 20) => (await harness.call('diagnosisCodes.search', { query, limit }, doctorToken)).results;
  const codesOf = async (query: string, limit = 20) => (await search(query, limit)).map((result) => result.code);

  it('loads the shipped starter list on first start, every line of it, in one code set', async () => {
    const { codeSet } = await harness.call('diagnosisCodes.codeSet', {}, doctorToken);
    expect(codeSet).toMatchObject({ edition: 'ICD-10-CM', source: 'STARTER', codeCount: starterLineCount });
    const rows = harness.core.database.sqlite.prepare(`select count(*) from diagnosis_codes`).pluck().get();
    expect(rows).toBe(starterLineCount);
    expect(starterLineCount).toBeGreaterThan(300);
  });

  it('marks a code with codes below it as a header, and the rest billable', () => {
    const billable = harness.core.database.sqlite.prepare(`select code, billable, chapter from diagnosis_codes where code in ('E11', 'E11.9', 'I10', 'Z34.0', 'Z34.00')`).all();
    expect(billable).toEqual(
      expect.arrayContaining([
        { code: 'E11', billable: 0, chapter: 4 },
        { code: 'E11.9', billable: 1, chapter: 4 },
        { code: 'I10', billable: 1, chapter: 9 },
        { code: 'Z34.0', billable: 0, chapter: 21 },
        { code: 'Z34.00', billable: 1, chapter: 21 },
      ]),
    );
  });

  it('finds a code typed with or without its dot, in either case', async () => {
    expect((await codesOf('J06.9'))[0]).toBe('J06.9');
    expect((await codesOf('j069'))[0]).toBe('J06.9');
    expect((await search('J06.9'))[0]).toEqual({ code: 'J06.9', title: 'Acute upper respiratory infection, unspecified', billable: true });
  });

  it('puts the exact code first, then the codes under it, billable before headers', async () => {
    const codes = await codesOf('J06');
    expect(codes.slice(0, 3)).toEqual(['J06', 'J06.0', 'J06.9']);
    const underE11 = await codesOf('E11', 50);
    expect(underE11[0]).toBe('E11');
    expect(underE11.slice(1).every((code) => code.startsWith('E11.'))).toBe(true);
    const s934 = await search('S93.4');
    expect(s934.map((result) => result.billable)).toEqual([true, true, true, false]);
  });

  it('matches words of the title in any order, by their beginnings', async () => {
    const inOrder = await codesOf('type 2 diabetes without');
    const outOfOrder = await codesOf('without diab 2 typ');
    expect(inOrder[0]).toBe('E11.9');
    expect(outOfOrder).toEqual(inOrder);
    expect(await codesOf('pain knee right')).toEqual(['M25.561']);
    expect(await codesOf('knee pain', 5)).toEqual(expect.arrayContaining(['M25.561', 'M25.562']));
  });

  it('puts billable codes before headers among titles, and words typed whole before mere beginnings', async () => {
    const asthma = await search('asthma', 50);
    const firstHeader = asthma.findIndex((result) => !result.billable);
    expect(firstHeader).toBeGreaterThan(0);
    expect(asthma.slice(firstHeader).every((result) => !result.billable)).toBe(true);
    // "cough" as a whole word ranks the cough codes above words that merely start with it.
    const cough = await codesOf('cough', 5);
    expect(cough[0]).toMatch(/^R05\./);
  });

  it('finds nothing for words no title has, and nothing for an empty query', async () => {
    expect(await search('zzzqqq')).toEqual([]);
    expect(await search('   ')).toEqual([]);
    expect(await search('asthma zzzqqq')).toEqual([]);
  });

  it('returns at most the limit asked for', async () => {
    expect(await search('a', 7)).toHaveLength(7);
  });

  it('gives another module a code as the set has it, and nothing for a code it lacks', () => {
    expect(diagnosisCodeOf(harness.core.database.db, 'I10')).toEqual({ code: 'I10', title: 'Essential (primary) hypertension', billable: true });
    expect(diagnosisCodeOf(harness.core.database.db, 'I99.9')).toBeUndefined();
  });

  it('refuses a query longer than the field allows, with a message', async () => {
    const error = await harness.fail('diagnosisCodes.search', { query: 'x'.repeat(201) }, doctorToken);
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'The search is at most 200 characters' });
  });
});

describe('diagnosis codes: the starter list on upgrade', () => {
  const dir = makeTempDir('clinic-icd-upgrade-');
  afterAll(() => dir.remove());

  const codeSetRow = (harness: Harness) => harness.core.database.sqlite.prepare(`select source, file_name as fileName, code_count as codeCount from diagnosis_code_sets`).get();
  const codeCount = (harness: Harness) => harness.core.database.sqlite.prepare(`select count(*) from diagnosis_codes`).pluck().get();

  it('loads the shipped list again when the workstation holds an older one, and keeps an imported set', async () => {
    const first = await startHarness(dir.path);
    // As a workstation of an earlier version left it: an older, shorter starter list.
    first.core.database.sqlite.prepare(`update diagnosis_code_sets set file_name = 'starter list starter-0', code_count = 2`).run();
    first.core.database.sqlite.prepare(`delete from diagnosis_codes where code not in ('I10', 'J06.9')`).run();
    await first.close();

    const upgraded = await startHarness(dir.path);
    expect(codeSetRow(upgraded)).toEqual({ source: 'STARTER', fileName: STARTER_FILE_NAME, codeCount: starterLineCount });
    expect(codeCount(upgraded)).toBe(starterLineCount);
    // An administrator's import is theirs: a later start leaves it as it is.
    upgraded.core.database.sqlite.prepare(`update diagnosis_code_sets set source = 'IMPORT', file_name = 'icd10cm_order_2025.txt'`).run();
    upgraded.core.database.sqlite.prepare(`delete from diagnosis_codes where code <> 'I10'`).run();
    await upgraded.close();

    const again = await startHarness(dir.path);
    expect(codeSetRow(again)).toMatchObject({ source: 'IMPORT', fileName: 'icd10cm_order_2025.txt' });
    expect(codeCount(again)).toBe(1);
    await again.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductInput } from '#shared/modules/medicines/product.ts';
import { patientInput, setUpClinic, startHarness, userWithRole, type Harness } from '#tests/support/core-harness.ts';

const amoxicillin: ProductInput = {
  kind: 'MEDICINE',
  genericName: 'Amoxicillin',
  brandName: 'Amoxil',
  strengthText: '500 mg',
  strength: { amount: 500, unit: 'mg' },
  doseForm: 'capsule',
  route: 'ORAL',
  ingredients: [{ name: 'amoxicillin', strength: '500 mg' }],
  atcCode: 'j01ca04',
  therapeuticClass: 'Penicillins',
  packSizes: [15, 21],
  prescriptionOnly: true,
  maxDailyDose: { amount: 3, unit: 'g' },
};

describe('the medicine catalogue', () => {
  let harness: Harness;
  let admin: string;
  let pharmacist: string;
  let doctor: string;
  const audited = (action: string) => harness.core.database.sqlite.prepare(`select count(*) from audit_log where action = ? and outcome = 'SUCCESS'`).pluck().get(action) as number;

  beforeAll(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
    pharmacist = (await userWithRole(harness, admin, 'PHARMACIST', 'pharma')).token;
    doctor = (await userWithRole(harness, admin, 'DOCTOR', 'doc')).token;
  });
  afterAll(() => harness.close());

  it('creates, finds by any part of a name, edits and retires a product, each write audited', async () => {
    const created = await harness.call('medicines.create', amoxicillin, pharmacist);
    expect(created).toMatchObject({ genericName: 'Amoxicillin', atcCode: 'J01CA04', strength: { amount: 500, unit: 'mg' }, maxDailyDose: { amount: 3, unit: 'g' }, packSizes: [15, 21], active: true, barcodes: [], clinicSettings: null });
    await harness.call('medicines.create', { kind: 'MEDICINE', genericName: 'Clarithromycin', brandName: 'Klacid', strengthText: '500 mg' }, pharmacist);
    await harness.call('medicines.create', { kind: 'CONSUMABLE', genericName: 'Gauze swabs', brandName: '' }, admin);
    const names = async (query: string, token = doctor) => (await harness.call('medicines.search', { query }, token)).products.map((product) => product.genericName);
    expect(await names('amox')).toEqual(['Amoxicillin']);
    expect(await names('oxic')).toEqual(['Amoxicillin']);
    expect(await names('KLAC')).toEqual(['Clarithromycin']);
    expect(await names('cl')).toEqual(['Clarithromycin']);
    expect(await names('cillin')).toEqual(['Amoxicillin']);
    expect((await harness.call('medicines.search', { query: 'a', kinds: ['CONSUMABLE'] }, doctor)).products.map((product) => product.genericName)).toEqual([]);
    expect((await harness.call('medicines.search', { query: 'gau', kinds: ['CONSUMABLE'] }, doctor)).products.map((product) => product.genericName)).toEqual(['Gauze swabs']);

    const edited = await harness.call('medicines.update', { productId: created.id, product: { ...amoxicillin, brandName: 'Amoxicillin Sandoz', highAlert: true } }, pharmacist);
    expect(edited).toMatchObject({ brandName: 'Amoxicillin Sandoz', highAlert: true });
    expect(await names('sandoz')).toEqual(['Amoxicillin']);
    expect(await names('amoxil')).toEqual([]);

    await harness.call('medicines.retire', { productId: created.id, retired: true }, pharmacist);
    expect(await names('amox')).toEqual([]);
    expect((await harness.call('medicines.search', { query: 'amox', includeRetired: true }, doctor)).products).toMatchObject([{ genericName: 'Amoxicillin', active: false }]);
    await harness.call('medicines.retire', { productId: created.id, retired: false }, pharmacist);
    expect(await names('amox')).toEqual(['Amoxicillin']);
    expect(audited('medicines.create')).toBe(3);
    expect(audited('medicines.update')).toBe(1);
    expect(audited('medicines.retire')).toBe(2);
  });

  it('refuses bad products with a clear message', async () => {
    const refused = async (product: unknown) => (await harness.fail('medicines.create', product, pharmacist)).fields?.[0]?.message;
    expect(await refused({ ...amoxicillin, genericName: '  ' })).toBe('Generic name is required');
    expect(await refused({ ...amoxicillin, atcCode: 'penicillin' })).toBe('An ATC code looks like J01CA04 (a letter, two digits, then letters and digits)');
    expect(await refused({ ...amoxicillin, maxDailyDose: { amount: -1, unit: 'mg' } })).toBe('The amount must be more than 0');
    expect(await refused({ ...amoxicillin, packSizes: [21, 21] })).toBe('A pack size is listed twice');
    expect(await refused({ ...amoxicillin, controlled: true, prescriptionOnly: false })).toBe('A controlled medicine is also prescription-only');
    expect(await refused({ kind: 'DEVICE', genericName: 'Thermometer', ingredients: [{ name: 'mercury', strength: '' }] })).toBe('Only a medicine has active ingredients');
  });

  it('adds codes: GTINs of any length checked and found in their 14-digit form, a clinic code, each code on one product only', async () => {
    const product = await harness.call('medicines.create', { kind: 'MEDICINE', genericName: 'Ibuprofen', strengthText: '400 mg' }, pharmacist);
    const other = await harness.call('medicines.create', { kind: 'MEDICINE', genericName: 'Naproxen', strengthText: '250 mg' }, pharmacist);
    const bad = await harness.fail('medicines.addBarcode', { productId: product.id, kind: 'GTIN', code: '5012345678901' }, pharmacist);
    expect(bad).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'code', message: 'The check digit of 5012345678901 is wrong: it should end in 0, not 1. Check the number for a typing mistake.' }] });
    const added = await harness.call('medicines.addBarcode', { productId: product.id, kind: 'GTIN', code: '5012345678900' }, pharmacist);
    expect(added.barcode).toMatchObject({ kind: 'GTIN', code: '5012345678900', lookupCode: '05012345678900' });
    await harness.call('medicines.addBarcode', { productId: product.id, kind: 'CLINIC', code: 'rfc-ibu-400' }, pharmacist);
    const found = async (code: string) => (await harness.call('medicines.findByBarcode', { code }, doctor)).product?.genericName ?? null;
    expect(await found('05012345678900')).toBe('Ibuprofen');
    expect(await found('5012345678900')).toBe('Ibuprofen');
    expect(await found('RFC-IBU-400')).toBe('Ibuprofen');
    expect(await found('5012345678917')).toBeNull();
    const taken = await harness.fail('medicines.addBarcode', { productId: other.id, kind: 'GTIN', code: '05012345678900' }, pharmacist);
    expect(taken).toMatchObject({ code: 'CONFLICT', message: 'That code is already on Ibuprofen; remove it there first.' });
    const afterRemoval = await harness.call('medicines.removeBarcode', { barcodeId: added.barcode.id }, pharmacist);
    expect(afterRemoval.barcodes.map((barcode) => barcode.code)).toEqual(['rfc-ibu-400']);
    expect(await found('5012345678900')).toBeNull();
    // Free again, the code moves to the other product: the same row brought back.
    const moved = await harness.call('medicines.addBarcode', { productId: other.id, kind: 'GTIN', code: '5012345678900' }, pharmacist);
    expect(moved.barcode.id).toBe(added.barcode.id);
    expect(await found('5012345678900')).toBe('Naproxen');
  });

  it('keeps the clinic’s price, tax and reorder level in integers, and refuses fractions', async () => {
    const product = await harness.call('medicines.create', { kind: 'COSMETIC', genericName: 'Sunscreen SPF 50' }, admin);
    const set = await harness.call('medicines.setClinicSettings', { productId: product.id, salePriceMinor: 1299, taxRateBp: 2000, reorderLevel: 6 }, pharmacist);
    expect(set.clinicSettings).toEqual({ salePriceMinor: 1299, taxRateBp: 2000, reorderLevel: 6 });
    const again = await harness.call('medicines.setClinicSettings', { productId: product.id, salePriceMinor: 1349, taxRateBp: 2000, reorderLevel: 4 }, admin);
    expect(again.clinicSettings).toEqual({ salePriceMinor: 1349, taxRateBp: 2000, reorderLevel: 4 });
    expect(harness.core.database.sqlite.prepare(`select count(*) from medicine_clinic_settings where product_id = ?`).pluck().get(product.id)).toBe(1);
    const fraction = await harness.fail('medicines.setClinicSettings', { productId: product.id, salePriceMinor: 12.99, taxRateBp: 2000, reorderLevel: 4 }, admin);
    expect(fraction.fields?.[0]?.message).toBe('The price is in the smallest unit of the currency (cents): a whole number');
    expect((await harness.fail('medicines.setClinicSettings', { productId: product.id, salePriceMinor: 100, taxRateBp: 10_001, reorderLevel: 4 }, admin)).fields?.[0]?.message).toBe('The tax rate is at most 100 %');
  });

  it('checks a prescription against the patient’s recorded allergies and current medicines, and audits reading them', async () => {
    const patient = await harness.call('patients.register', { ...patientInput({ allergies: [{ substance: 'Penicillin', reaction: 'hives', severity: 'SEVERE' }] }), notADuplicate: true }, admin);
    const cefalexin = await harness.call('medicines.create', { kind: 'MEDICINE', genericName: 'Cefalexin', strengthText: '500 mg', atcCode: 'J01DB01', strength: { amount: 500, unit: 'mg' }, maxDailyDose: { amount: 4000, unit: 'mg' } }, pharmacist);
    const warfarin = await harness.call('medicines.create', { kind: 'MEDICINE', genericName: 'Warfarin', strengthText: '5 mg' }, pharmacist);
    const ibuprofen = (await harness.call('medicines.search', { query: 'ibuprofen' }, doctor)).products[0]?.id ?? '';
    const before = harness.core.database.sqlite.prepare(`select count(*) from audit_log where action = 'medicines.checkPrescription' and entity_id = ?`).pluck().get(patient.id) as number;
    const { alerts } = await harness.call('medicines.checkPrescription', {
      patientId: patient.id,
      currentProductIds: [warfarin.id],
      items: [{ productId: cefalexin.id, dose: { amount: 2, unit: 'capsules' }, timesPerDay: 6 }, { productId: ibuprofen }],
    }, doctor);
    expect(alerts.map((alert) => `${alert.kind}:${alert.severity}:${alert.needsOverride ? 'reason' : 'note'}`)).toEqual(['CROSS_SENSITIVITY:SEVERE:reason', 'INTERACTION:SEVERE:reason', 'DOSE:SEVERE:reason']);
    expect(harness.core.database.sqlite.prepare(`select count(*) from audit_log where action = 'medicines.checkPrescription' and entity_id = ?`).pluck().get(patient.id)).toBe(before + 1);
    expect((await harness.fail('medicines.checkPrescription', { patientId: '0190f0f0-0000-7000-8000-000000000000', items: [{ productId: ibuprofen }] }, doctor)).code).toBe('NOT_FOUND');
  });

  it('imports an interaction CSV whole, refuses one with a bad line leaving the knowledge base as it was, and the checks use it at once', async () => {
    const header = 'first_kind,first_name,second_kind,second_name,severity,effect,advice,source';
    const start = await harness.call('medicines.knowledgeBase', {}, admin);
    expect(start.pairs).toBeGreaterThan(40);
    const badFile = `${header}\nINGREDIENT,cefalexin,INGREDIENT,gauze,MINOR,x,y,Test\nINGREDIENT,cefalexin,INGREDIENT,warfarin,URGENT,x,y,Test\n`;
    const refused = await harness.fail('medicines.importInteractions', { csv: badFile }, admin);
    expect(refused.fields?.[0]?.message).toBe('Nothing was imported. Line 3: severity must be one of MINOR, MODERATE, SEVERE, CONTRAINDICATED.');
    expect(await harness.call('medicines.knowledgeBase', {}, admin)).toEqual(start);
    expect((await harness.fail('medicines.importInteractions', { csv: `${header}\n` }, pharmacist)).code).toBe('FORBIDDEN');

    const [cefalexin, warfarin] = await Promise.all(['cefalexin', 'warfarin'].map(async (query) => (await harness.call('medicines.search', { query }, doctor)).products[0]?.id ?? ''));
    const check = async () => (await harness.call('medicines.checkPrescription', { currentProductIds: [warfarin ?? ''], items: [{ productId: cefalexin ?? '' }] }, doctor)).alerts.map((alert) => alert.message);
    expect(await check()).toEqual([]);
    const imported = await harness.call('medicines.importInteractions', { csv: `${header}\r\nINGREDIENT,Warfarin,CLASS,Cephalosporins,MODERATE,"Some cephalosporins raise the INR.","Check the INR.",Licensed test base\r\n` }, admin);
    expect(imported).toEqual({ imported: 1 });
    expect(await harness.call('medicines.knowledgeBase', {}, admin)).toEqual({ pairs: 1, sources: ['Licensed test base'] });
    expect(await check()).toEqual(['Cefalexin 500 mg with Warfarin 5 mg, which the patient already takes: Some cephalosporins raise the INR.']);
    expect(audited('medicines.importInteractions')).toBe(1);
  });
});

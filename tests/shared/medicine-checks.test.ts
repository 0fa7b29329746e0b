import { describe, expect, it } from 'vitest';
import { overridesMissing, type PrescriptionAlert } from '#shared/modules/medicines/checks/alerts.ts';
import type { RecordedAllergy } from '#shared/modules/medicines/checks/allergy-check.ts';
import type { MedicineForCheck } from '#shared/modules/medicines/checks/medicine-concepts.ts';
import { checkPrescription, type ProposedMedicine } from '#shared/modules/medicines/checks/prescription-checks.ts';
import { checkGtin, withCheckDigit } from '#shared/modules/medicines/gtin.ts';
import { parseInteractionCsv } from '#shared/modules/medicines/knowledge/interaction-record.ts';
import { starterInteractions } from '#shared/modules/medicines/knowledge/starter-interactions.ts';
import { knowledgeIndexWith } from '#shared/modules/medicines/knowledge/starter-knowledge.ts';

const index = knowledgeIndexWith(starterInteractions);

function medicine(productId: string, genericName: string, extra: Partial<MedicineForCheck> = {}): MedicineForCheck {
  return { productId, label: genericName, genericName, ingredients: [genericName.toLowerCase()], atcCode: '', therapeuticClass: '', strength: null, maxDailyDose: null, ...extra };
}
function proposed(base: MedicineForCheck, order: Partial<ProposedMedicine> = {}): ProposedMedicine {
  return { ...base, dose: null, timesPerDay: null, ...order };
}
const check = (items: readonly ProposedMedicine[], current: readonly MedicineForCheck[] = [], allergies: readonly RecordedAllergy[] = []) => checkPrescription(index, { proposed: items, current, allergies });
const kinds = (alerts: readonly PrescriptionAlert[]) => alerts.map((alert) => `${alert.kind}:${alert.severity}:${alert.productId}:${alert.otherProductId ?? ''}`);

const amoxicillin = medicine('amox', 'Amoxicillin', { atcCode: 'J01CA04' });
const cefalexin = medicine('cef', 'Cefalexin', { atcCode: 'J01DB01' });
const meropenem = medicine('mero', 'Meropenem');
const flucloxacillin = medicine('fluclox', 'Flucloxacillin');
const azithromycin = medicine('azi', 'Azithromycin');
const warfarin = medicine('warf', 'Warfarin');
const ibuprofen = medicine('ibu', 'Ibuprofen', { strength: { amount: 400, unit: 'mg' }, maxDailyDose: { amount: 2400, unit: 'mg' } });
const naproxen = medicine('napro', 'Naproxen');
const paracetamol = medicine('para', 'Paracetamol', { strength: { amount: 500, unit: 'mg' }, maxDailyDose: { amount: 4, unit: 'g' } });

describe('GTIN check digits', () => {
  it('accepts each length with a good check digit and gives the 14-digit form', () => {
    expect(checkGtin('4006381333931')).toEqual({ valid: true, gtin14: '04006381333931' });
    expect(checkGtin('96385074')).toEqual({ valid: true, gtin14: '00000096385074' });
    expect(checkGtin('036000291452')).toEqual({ valid: true, gtin14: '00036000291452' });
    expect(checkGtin('10614141000415')).toEqual({ valid: true, gtin14: '10614141000415' });
    expect(withCheckDigit('400638133393')).toBe('4006381333931');
  });
  it('refuses a wrong check digit, a wrong length and letters, saying which', () => {
    const wrong = checkGtin('4006381333932');
    expect(wrong).toEqual({ valid: false, message: 'The check digit of 4006381333932 is wrong: it should end in 1, not 2. Check the number for a typing mistake.' });
    expect(checkGtin('12345')).toMatchObject({ valid: false, message: 'A GTIN has 8, 12, 13 or 14 digits; this one has 5' });
    expect(checkGtin('40063A1333931')).toMatchObject({ valid: false, message: 'A GTIN has digits only' });
  });
});

describe('prescribing checks', () => {
  it('finds an allergy by ingredient, by brand and by class, contraindicated when the reaction was severe', () => {
    expect(kinds(check([proposed(amoxicillin)], [], [{ substance: 'Amoxicillin', severity: 'MODERATE' }]))).toEqual(['ALLERGY:SEVERE:amox:']);
    expect(kinds(check([proposed(amoxicillin)], [], [{ substance: 'Augmentin (rash)', severity: 'SEVERE' }]))).toEqual(['ALLERGY:CONTRAINDICATED:amox:']);
    const byClass = check([proposed(flucloxacillin)], [], [{ substance: 'allergic to penicillin', severity: 'UNKNOWN' }]);
    expect(kinds(byClass)).toEqual(['ALLERGY:SEVERE:fluclox:']);
    expect(byClass[0]?.message).toBe('Flucloxacillin is one of the Penicillins. The patient is recorded as allergic to “allergic to penicillin”.');
    // An allergy to one penicillin warns of the others.
    expect(kinds(check([proposed(flucloxacillin)], [], [{ substance: 'amoxicillin', severity: 'MILD' }]))).toEqual(['ALLERGY:SEVERE:fluclox:']);
    expect(check([proposed(azithromycin)], [], [{ substance: 'Penicillin', severity: 'SEVERE' }])).toEqual([]);
  });

  it('warns of cross-sensitivity: penicillins to cephalosporins and carbapenems, raised when the reaction was severe', () => {
    expect(kinds(check([proposed(cefalexin)], [], [{ substance: 'Penicillin', severity: 'MODERATE' }]))).toEqual(['CROSS_SENSITIVITY:MODERATE:cef:']);
    expect(kinds(check([proposed(cefalexin)], [], [{ substance: 'Penicillin', severity: 'SEVERE' }]))).toEqual(['CROSS_SENSITIVITY:SEVERE:cef:']);
    expect(kinds(check([proposed(meropenem)], [], [{ substance: 'amoxicillin', severity: 'MILD' }]))).toEqual(['CROSS_SENSITIVITY:MINOR:mero:']);
    expect(kinds(check([proposed(medicine('cotrim', 'Co-trimoxazole', { ingredients: ['sulfamethoxazole', 'trimethoprim'] }))], [], [{ substance: 'Sulfa drugs', severity: 'MODERATE' }]))).toEqual(['ALLERGY:SEVERE:cotrim:']);
    expect(kinds(check([proposed(medicine('furo', 'Furosemide'))], [], [{ substance: 'sulpha', severity: 'MODERATE' }]))).toEqual(['CROSS_SENSITIVITY:MINOR:furo:']);
  });

  it('finds an interaction whichever side the knowledge base names first, against current medicines and within the prescription', () => {
    // warfarin (ingredient) + NSAIDs (class): prescribing the NSAID to someone on warfarin, and warfarin to someone on an NSAID.
    expect(kinds(check([proposed(ibuprofen)], [warfarin]))).toEqual(['INTERACTION:SEVERE:ibu:warf']);
    expect(kinds(check([proposed(warfarin)], [ibuprofen]))).toEqual(['INTERACTION:SEVERE:warf:ibu']);
    expect(kinds(check([proposed(warfarin), proposed(ibuprofen)]))).toEqual(['INTERACTION:SEVERE:warf:ibu']);
    const simvastatin = medicine('simva', 'Simvastatin');
    const clarithromycin = medicine('clari', 'Clarithromycin', { atcCode: 'J01FA09' });
    const found = check([proposed(clarithromycin)], [simvastatin]);
    expect(kinds(found)).toEqual(['INTERACTION:CONTRAINDICATED:clari:simva']);
    expect(found[0]?.message).toContain('rhabdomyolysis');
    expect(found[0]?.advice).toBe('Stop simvastatin during the course, or use azithromycin.');
    expect(check([proposed(azithromycin)], [simvastatin])).toEqual([]);
  });

  it('reads classes from the ATC code and the written class when the ingredient is not known to the class list', () => {
    const unknownNsaid = medicine('x', 'Newprofen', { atcCode: 'M01AE99' });
    expect(kinds(check([proposed(unknownNsaid)], [warfarin]))).toEqual(['INTERACTION:SEVERE:x:warf']);
    const written = medicine('y', 'Otherprofen', { therapeuticClass: 'NSAIDs' });
    expect(kinds(check([proposed(written)], [warfarin]))).toEqual(['INTERACTION:SEVERE:y:warf']);
  });

  it('finds duplicate therapy by ingredient and by class, not across unrelated classes', () => {
    const cocodamol = medicine('coco', 'Co-codamol', { ingredients: ['codeine', 'paracetamol'] });
    expect(kinds(check([proposed(cocodamol)], [paracetamol]))).toEqual(['DUPLICATE:MODERATE:coco:para']);
    expect(kinds(check([proposed(naproxen)], [ibuprofen]))).toEqual(['DUPLICATE:MODERATE:napro:ibu']);
    expect(check([proposed(paracetamol)], [azithromycin])).toEqual([]);
  });

  it('flags a dose above the maximum daily dose, converting units and counting tablets by strength', () => {
    expect(kinds(check([proposed(paracetamol, { dose: { amount: 1000, unit: 'mg' }, timesPerDay: 4 })]))).toEqual([]);
    const over = check([proposed(paracetamol, { dose: { amount: 2, unit: 'tablets' }, timesPerDay: 6 })]);
    expect(kinds(over)).toEqual(['DOSE:SEVERE:para:']);
    expect(over[0]?.message).toBe('Paracetamol: 6 g a day is above the maximum of 4 g a day.');
    expect(kinds(check([proposed(ibuprofen, { dose: { amount: 800, unit: 'mg' }, timesPerDay: 4 })]))).toEqual(['DOSE:SEVERE:ibu:']);
    expect(check([proposed(ibuprofen, { dose: { amount: 5, unit: 'ml' }, timesPerDay: 3 })])).toEqual([]);
  });

  it('needs a reason to go ahead with a severe alert, not with a moderate one', () => {
    const alerts = check([proposed(ibuprofen)], [warfarin, naproxen]);
    expect(kinds(alerts)).toEqual(['INTERACTION:SEVERE:ibu:warf', 'DUPLICATE:MODERATE:ibu:napro']);
    const severe = alerts[0];
    if (severe === undefined) throw new Error('no alert');
    expect(overridesMissing(alerts, []).map((alert) => alert.id)).toEqual([severe.id]);
    expect(overridesMissing(alerts, [{ alertId: severe.id, reason: '  ' }]).map((alert) => alert.id)).toEqual([severe.id]);
    expect(overridesMissing(alerts, [{ alertId: severe.id, reason: 'INR checked twice weekly by the anticoagulation clinic' }])).toEqual([]);
  });
});

describe('the interaction CSV', () => {
  const header = 'first_kind,first_name,second_kind,second_name,severity,effect,advice,source';
  it('reads quoted cells, either line end and any case of kinds and severities', () => {
    const parsed = parseInteractionCsv(`${header}\r\ningredient,Warfarin,CLASS,NSAIDs,severe,"Bleeding, mostly gastric","Avoid; use ""paracetamol""",Licensed base 2026\nINGREDIENT,a,INGREDIENT,b,MINOR,x,y,\n`);
    expect(parsed).toEqual({
      ok: true,
      records: [
        { firstKind: 'INGREDIENT', firstName: 'warfarin', secondKind: 'CLASS', secondName: 'nsaids', severity: 'SEVERE', effect: 'Bleeding, mostly gastric', advice: 'Avoid; use "paracetamol"', source: 'Licensed base 2026' },
        { firstKind: 'INGREDIENT', firstName: 'a', secondKind: 'INGREDIENT', secondName: 'b', severity: 'MINOR', effect: 'x', advice: 'y', source: '' },
      ],
    });
  });
  it('names every bad line and takes none', () => {
    const parsed = parseInteractionCsv(`${header}\nINGREDIENT,a,INGREDIENT,b,MINOR,x,y,\nDRUG,a,INGREDIENT,b,MILD,x,y,\nINGREDIENT,a,INGREDIENT\n`);
    expect(parsed).toEqual({ ok: false, problems: ['Line 3: first_kind must be INGREDIENT or CLASS; severity must be one of MINOR, MODERATE, SEVERE, CONTRAINDICATED', 'Line 4: expected 8 columns, found 3'] });
    expect(parseInteractionCsv('a,b\n1,2')).toEqual({ ok: false, problems: [`Line 1 must be the header: ${header}`] });
  });
});

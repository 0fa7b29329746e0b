import { describe, expect, it } from 'vitest';
import { prescriptionLineInputSchema } from '#shared/modules/prescriptions/line.ts';
import { emptyLineForm, frequencyHint, frequencyOf, lineInputOf, suggestedQuantity, unitFor, type LineFormValues } from '#renderer/modules/prescriptions/line-form-values.ts';

const amoxicillin = { id: '0190a7d2-58a4-7c1e-9d1b-1c2a3b4c5d6e', kind: 'MEDICINE', genericName: 'Amoxicillin', brandName: 'Amoxil', strengthText: '500 mg', doseForm: 'capsule', prescriptionOnly: true, controlled: false, highAlert: false, active: true } as const;
const written: LineFormValues = { ...emptyLineForm, product: amoxicillin, dose: '1', unit: 'capsules', frequency: 'tds', durationDays: '7' };

// The prescription form as the doctor types it: abbreviations in any case spelt out, the quantity
// the core would compute, and a line the shared schema accepts or explains.
describe('the prescription line form', () => {
  it('spells out a frequency typed in any case, and says what to type otherwise', () => {
    expect(frequencyOf(' q i d ')).toBe('QID');
    expect(frequencyHint('tds')).toBe('TDS: three times a day');
    expect(frequencyHint('prn')).toBe('PRN: when needed, at most four times a day');
    expect(frequencyOf('every hour')).toBeNull();
    expect(frequencyHint('every hour')).toMatch(/^Type OD, BD, TDS/);
  });

  it('computes the quantity of counted units until the doctor types one, and not of a dose in mg', () => {
    expect(suggestedQuantity(written)).toBe(21);
    expect(lineInputOf(written).quantity).toBe(21);
    expect(lineInputOf({ ...written, quantity: '30' }).quantity).toBe(30);
    expect(lineInputOf({ ...written, quantity: '' }).quantity).toBeNull();
    expect(suggestedQuantity({ ...written, dose: '500', unit: 'mg' })).toBeNull();
    expect(suggestedQuantity({ ...written, frequency: 'STAT', durationDays: '' })).toBe(1);
  });

  it('gives the shared schema a line it accepts, or one whose messages say what is wrong', () => {
    expect(prescriptionLineInputSchema.safeParse(lineInputOf(written)).success).toBe(true);
    const wrong = prescriptionLineInputSchema.safeParse(lineInputOf({ ...written, dose: 'one', frequency: 'hourly', durationDays: '2.5' }));
    expect(wrong.success ? [] : wrong.error.issues.map((issue) => issue.path[0])).toEqual(expect.arrayContaining(['dose', 'frequency', 'durationDays']));
    expect(prescriptionLineInputSchema.safeParse(lineInputOf(emptyLineForm)).success).toBe(false);
  });

  it('starts a capsule in capsules, a tablet in tablets, a suspension in ml', () => {
    expect(unitFor({ doseForm: 'capsule' })).toBe('capsules');
    expect(unitFor({ doseForm: 'gastro-resistant tablet' })).toBe('tablets');
    expect(unitFor({ doseForm: 'oral suspension' })).toBe('ml');
    expect(unitFor({ doseForm: 'powder for injection' })).toBe('mg');
  });
});

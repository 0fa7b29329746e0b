import { describe, expect, it } from 'vitest';
import {
  alertKindLabels,
  alertOverrideSchema,
  alertSeverityLabels,
  needsOverride,
  overridesMissing,
  prescriptionAlertSchema,
  raisedSeverity,
  severityRank,
  sortedAlerts,
  type PrescriptionAlert,
} from '#shared/modules/medicines/checks/alerts.ts';
import type { RecordedAllergy } from '#shared/modules/medicines/checks/allergy-check.ts';
import type { MedicineForCheck } from '#shared/modules/medicines/checks/medicine-concepts.ts';
import { checkPrescription, type ProposedMedicine } from '#shared/modules/medicines/checks/prescription-checks.ts';
import { buildKnowledgeIndex } from '#shared/modules/medicines/knowledge/knowledge-index.ts';
import type { InteractionRecord } from '#shared/modules/medicines/knowledge/interaction-record.ts';

// The edges of the prescribing checks that the mutation run showed no other test reaching.

function alert(id: string, kind: PrescriptionAlert['kind'], severity: PrescriptionAlert['severity']): PrescriptionAlert {
  return { id, kind, severity, productId: 'p', otherProductId: null, message: '', advice: '', needsOverride: needsOverride(severity) };
}

describe('alert severities and kinds', () => {
  it('names each severity and kind as the screens show them', () => {
    expect(alertSeverityLabels).toEqual({ MINOR: 'Minor', MODERATE: 'Moderate', SEVERE: 'Severe', CONTRAINDICATED: 'Contraindicated' });
    expect(alertKindLabels).toEqual({ ALLERGY: 'Allergy', CROSS_SENSITIVITY: 'Possible cross-allergy', INTERACTION: 'Interaction', DUPLICATE: 'Duplicate therapy', DOSE: 'Dose above the maximum' });
  });

  it('ranks the severities from minor up', () => {
    expect(['MINOR', 'MODERATE', 'SEVERE', 'CONTRAINDICATED'].map((severity) => severityRank(severity as PrescriptionAlert['severity']))).toEqual([0, 1, 2, 3]);
  });

  it('raises a severity one step, and contraindicated no further', () => {
    expect(raisedSeverity('MINOR')).toBe('MODERATE');
    expect(raisedSeverity('MODERATE')).toBe('SEVERE');
    expect(raisedSeverity('SEVERE')).toBe('CONTRAINDICATED');
    expect(raisedSeverity('CONTRAINDICATED')).toBe('CONTRAINDICATED');
  });

  it('asks a reason for severe and contraindicated alerts only', () => {
    expect([needsOverride('MINOR'), needsOverride('MODERATE'), needsOverride('SEVERE'), needsOverride('CONTRAINDICATED')]).toEqual([false, false, true, true]);
  });
});

describe('an alert as the calls send it', () => {
  it('keeps every field of an alert', () => {
    const sent = { ...alert('INTERACTION:a:b', 'INTERACTION', 'SEVERE'), otherProductId: 'b', message: 'A with B', advice: 'Avoid' };
    expect(prescriptionAlertSchema.parse(sent)).toEqual(sent);
  });
});

describe('overrides', () => {
  it('takes a reason of three characters, not of two or of spaces around two', () => {
    const severe = alert('a', 'ALLERGY', 'SEVERE');
    expect(overridesMissing([severe], [{ alertId: 'a', reason: 'abc' }])).toEqual([]);
    expect(overridesMissing([severe], [{ alertId: 'a', reason: ' ab ' }])).toEqual([severe]);
  });

  it('asks for no override of an alert that needs none, and counts an override only for its own alert', () => {
    const moderate = alert('m', 'DUPLICATE', 'MODERATE');
    const severe = alert('s', 'INTERACTION', 'SEVERE');
    expect(overridesMissing([moderate, severe], [{ alertId: 'm', reason: 'intended combination' }])).toEqual([severe]);
  });

  it('reads an override: a reason of a few words, trimmed, at most 500 characters, and nothing else', () => {
    expect(alertOverrideSchema.parse({ alertId: 'a', reason: '  checked with the patient  ' })).toEqual({ alertId: 'a', reason: 'checked with the patient' });
    const problems = (input: unknown) => alertOverrideSchema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];
    expect(problems({ alertId: 'a' })).toEqual(['Give a reason']);
    expect(problems({ alertId: 'a', reason: '  ab  ' })).toEqual(['Give a reason of a few words']);
    expect(problems({ alertId: 'a', reason: 'x'.repeat(501) })).toEqual(['A reason has at most 500 characters']);
    expect(problems({ alertId: 'a', reason: 'x'.repeat(500) })).toEqual([]);
    expect(problems({ alertId: '', reason: 'fine reason' })).toHaveLength(1);
    expect(problems({ alertId: 'a', reason: 'fine reason', extra: 1 })).toHaveLength(1);
  });
});

describe('the order of alerts', () => {
  it('puts the most severe first, then by kind in the order of the kinds, then by id, whatever order they came in', () => {
    const expected = [
      alert('z', 'DOSE', 'CONTRAINDICATED'),
      alert('y', 'ALLERGY', 'SEVERE'),
      alert('a', 'INTERACTION', 'SEVERE'),
      alert('b', 'INTERACTION', 'SEVERE'),
      alert('c', 'DUPLICATE', 'MODERATE'),
      alert('d', 'ALLERGY', 'MINOR'),
    ];
    const ids = (alerts: readonly PrescriptionAlert[]) => alerts.map((item) => item.id);
    expect(ids(sortedAlerts([...expected].reverse()))).toEqual(ids(expected));
    expect(ids(sortedAlerts([expected[3], expected[5], expected[0], expected[2], expected[4], expected[1]].filter((item) => item !== undefined)))).toEqual(ids(expected));
  });
});

// A knowledge base of made-up medicines, so that each rule is met alone: alphas are a class of
// duplicate therapy, betas and gammas are not; alphas cross-react with betas (minor) and gammas
// (moderate), deltas with both (moderate, betas listed first). "Lambdas" is the name of a class
// and of an ingredient, "mus" of a class and of an allergy's ingredient, to show the two kept apart;
// "omega" names an ingredient and, after it, a class.
const fact = (firstKind: InteractionRecord['firstKind'], firstName: string, secondKind: InteractionRecord['secondKind'], secondName: string, severity: InteractionRecord['severity'], effect: string): InteractionRecord => ({
  firstKind,
  firstName,
  secondKind,
  secondName,
  severity,
  effect,
  advice: `Advice on ${effect}`,
  source: '',
});
const index = buildKnowledgeIndex({
  classes: [
    { name: 'alphas', label: 'Alpha drugs', atcPrefixes: ['A01'], members: ['alphamycin', 'alphacillin'], duplicateTherapy: true },
    { name: 'betas', label: 'Beta drugs', atcPrefixes: ['B01'], members: ['betamab', 'betanib'], duplicateTherapy: false },
    { name: 'gammas', label: 'Gamma drugs', atcPrefixes: [], members: ['gammazole'], duplicateTherapy: false },
    { name: 'deltas', label: 'Delta drugs', atcPrefixes: [], members: ['deltavir'], duplicateTherapy: false },
    { name: 'mus', label: 'Mu drugs', atcPrefixes: ['M99'], members: [], duplicateTherapy: false },
    { name: 'omegoids', label: 'Omega drugs', atcPrefixes: [], members: ['omegavir'], duplicateTherapy: true },
  ],
  allergyTerms: [
    { term: 'zed pills', kind: 'CLASS', name: 'alphas' },
    { term: 'lambda shot', kind: 'CLASS', name: 'lambdas' },
    { term: 'mu shot', kind: 'INGREDIENT', name: 'mus' },
    { term: 'omega', kind: 'INGREDIENT', name: 'omegamab' },
    { term: 'omega', kind: 'CLASS', name: 'omegoids' },
    { term: 'b12 shot', kind: 'INGREDIENT', name: 'betamab' },
    { term: 'al-pha', kind: 'INGREDIENT', name: 'alphacillin' },
  ],
  crossSensitivities: [
    { allergyClass: 'alphas', reactsWith: 'betas', severity: 'MINOR', message: 'Alpha to beta.', advice: 'Watch the beta.' },
    { allergyClass: 'alphas', reactsWith: 'gammas', severity: 'MODERATE', message: 'Alpha to gamma.', advice: 'Watch the gamma.' },
    { allergyClass: 'deltas', reactsWith: 'betas', severity: 'MODERATE', message: 'Delta to beta.', advice: 'Watch the beta for delta.' },
    { allergyClass: 'deltas', reactsWith: 'gammas', severity: 'MODERATE', message: 'Delta to gamma.', advice: 'Watch the gamma for delta.' },
  ],
  interactions: [
    fact('INGREDIENT', 'alphamycin', 'INGREDIENT', 'betamab', 'MINOR', 'ingredient effect'),
    fact('CLASS', 'alphas', 'CLASS', 'betas', 'SEVERE', 'class effect'),
    fact('INGREDIENT', 'alphacillin', 'INGREDIENT', 'gammazole', 'MODERATE', 'first found'),
    fact('CLASS', 'gammas', 'CLASS', 'alphas', 'MODERATE', 'found later'),
  ],
});

function medicine(productId: string, ingredients: readonly string[], extra: Partial<MedicineForCheck> = {}): MedicineForCheck {
  return { productId, label: `${productId} label`, genericName: ingredients[0] ?? productId, ingredients, atcCode: '', therapeuticClass: '', strength: null, maxDailyDose: null, ...extra };
}
function proposed(base: MedicineForCheck, order: Partial<ProposedMedicine> = {}): ProposedMedicine {
  return { ...base, dose: null, timesPerDay: null, ...order };
}
const check = (items: readonly ProposedMedicine[], current: readonly MedicineForCheck[] = [], allergies: readonly RecordedAllergy[] = []) => checkPrescription(index, { proposed: items, current, allergies });

describe('allergies, met one rule at a time', () => {
  const avoid = 'Do not give unless the allergy record is wrong; choose a medicine of another class. If it must be given, record why.';

  it('words an allergy to the ingredient itself, with how bad the reaction was', () => {
    expect(check([proposed(medicine('am', ['alphamycin']))], [], [{ substance: 'Alphamycin', severity: 'MODERATE' }])).toEqual([
      {
        id: 'ALLERGY:am:alphamycin',
        kind: 'ALLERGY',
        severity: 'SEVERE',
        productId: 'am',
        otherProductId: null,
        message: 'am label contains alphamycin. The patient is recorded as allergic to “Alphamycin”, moderate reaction.',
        advice: avoid,
        needsOverride: true,
      },
    ]);
  });

  it('reads a class named in words split by punctuation, and a term with digits or a hyphen', () => {
    expect(check([proposed(medicine('am', ['alphamycin']))], [], [{ substance: 'Zed, pills!', severity: 'UNKNOWN' }])).toMatchObject([
      { kind: 'ALLERGY', severity: 'SEVERE', message: 'am label is one of the Alpha drugs. The patient is recorded as allergic to “Zed, pills!”.' },
    ]);
    expect(check([proposed(medicine('am', ['alphamycin']))], [], [{ substance: 'zed,pills', severity: 'UNKNOWN' }])).toMatchObject([{ kind: 'ALLERGY' }]);
    expect(check([proposed(medicine('bm', ['betamab']))], [], [{ substance: 'B12 shot', severity: 'SEVERE' }])).toMatchObject([{ kind: 'ALLERGY', severity: 'CONTRAINDICATED' }]);
    expect(check([proposed(medicine('ac', ['alphacillin']))], [], [{ substance: 'al-pha', severity: 'MILD' }])).toMatchObject([{ kind: 'ALLERGY', message: expect.stringContaining('contains alphacillin') as string }]);
  });

  it('keeps a class the allergy names apart from an ingredient of the same name, and the other way round', () => {
    expect(check([proposed(medicine('l', ['lambdas']))], [], [{ substance: 'lambda shot', severity: 'MILD' }])).toEqual([]);
    expect(check([proposed(medicine('m', ['other'], { atcCode: 'M99' }))], [], [{ substance: 'mu shot', severity: 'MILD' }])).toEqual([]);
  });

  it('warns of the class only for a class of duplicate therapy, naming the ingredient it is like', () => {
    expect(check([proposed(medicine('ac', ['alphacillin']))], [], [{ substance: 'alphamycin', severity: 'MILD' }])).toEqual([
      expect.objectContaining({ kind: 'ALLERGY', severity: 'SEVERE', message: 'ac label is one of the Alpha drugs, like alphamycin. The patient is recorded as allergic to “alphamycin”, mild reaction.', advice: avoid }),
    ]);
    expect(check([proposed(medicine('bn', ['betanib']))], [], [{ substance: 'betamab', severity: 'MILD' }])).toEqual([]);
  });

  it('gives the strongest cross-allergy, the first of equals, with its own message and advice', () => {
    const both = medicine('bg', ['betamab', 'gammazole']);
    expect(check([proposed(both)], [], [{ substance: 'zed pills', severity: 'MILD' }])).toEqual([
      {
        id: 'CROSS_SENSITIVITY:bg:zed pills',
        kind: 'CROSS_SENSITIVITY',
        severity: 'MODERATE',
        productId: 'bg',
        otherProductId: null,
        message: 'bg label is one of the Gamma drugs. The patient is recorded as allergic to “zed pills”, mild reaction. Alpha to gamma.',
        advice: 'Watch the gamma.',
        needsOverride: false,
      },
    ]);
    expect(check([proposed(both)], [], [{ substance: 'deltavir', severity: 'MILD' }])).toMatchObject([{ severity: 'MODERATE', advice: 'Watch the beta for delta.' }]);
    expect(check([proposed(both)], [], [{ substance: 'deltavir', severity: 'SEVERE' }])).toMatchObject([{ severity: 'SEVERE', needsOverride: true }]);
  });

  it('checks every allergy against every medicine', () => {
    const alerts = check([proposed(medicine('am', ['alphamycin'])), proposed(medicine('dv', ['deltavir']))], [], [{ substance: 'deltavir', severity: 'MILD' }, { substance: 'alphamycin', severity: 'MILD' }]);
    expect(alerts.map((found) => found.id).sort()).toEqual(['ALLERGY:am:alphamycin', 'ALLERGY:dv:deltavir']);
  });
});

describe('interactions and duplicates, met one rule at a time', () => {
  it('takes the most severe fact between two medicines, and the first of equals', () => {
    const strongest = check([proposed(medicine('am', ['alphamycin']))], [medicine('bm', ['betamab'])]);
    expect(strongest).toEqual([
      {
        id: 'INTERACTION:am:bm',
        kind: 'INTERACTION',
        severity: 'SEVERE',
        productId: 'am',
        otherProductId: 'bm',
        message: 'am label with bm label, which the patient already takes: class effect',
        advice: 'Advice on class effect',
        needsOverride: true,
      },
    ]);
    const equals = check([proposed(medicine('ac', ['alphacillin'])), proposed(medicine('gz', ['gammazole']))]);
    expect(equals).toEqual([expect.objectContaining({ id: 'INTERACTION:ac:gz', severity: 'MODERATE', message: 'ac label with gz label in this prescription: first found', needsOverride: false })]);
  });

  it('words a duplicate by ingredient and by class, against current medicines and within the prescription', () => {
    expect(check([proposed(medicine('g1', ['gammazole'])), proposed(medicine('g2', ['gammazole']))])).toEqual([
      {
        id: 'DUPLICATE:g1:g2',
        kind: 'DUPLICATE',
        severity: 'MODERATE',
        productId: 'g1',
        otherProductId: 'g2',
        message: 'g1 label and g2 label, also in this prescription, both contain gammazole.',
        advice: 'Give one of them, or make sure the total dose stays within the maximum.',
        needsOverride: false,
      },
    ]);
    const byClass = check([proposed(medicine('a1', ['alphacillin'], { atcCode: 'A01X' }))], [medicine('a2', ['alphamycin'])]);
    expect(byClass).toEqual([
      expect.objectContaining({
        id: 'DUPLICATE:a1:a2',
        message: 'a1 label and a2 label, which the patient already takes, are both Alpha drugs.',
        advice: 'Two medicines of the same class are rarely meant; stop one unless the combination is intended.',
      }),
    ]);
    expect(check([proposed(medicine('b1', ['betamab']))], [medicine('b2', ['betanib'])])).toEqual([]);
  });

  it('does not pair a medicine with itself, and pairs each two of a prescription once', () => {
    expect(check([proposed(medicine('g1', ['gammazole']))], [medicine('g1', ['gammazole'])])).toEqual([]);
    const three = check([proposed(medicine('g1', ['gammazole'])), proposed(medicine('g2', ['gammazole'])), proposed(medicine('g3', ['gammazole']))]);
    expect(three.map((found) => found.id).sort()).toEqual(['DUPLICATE:g1:g2', 'DUPLICATE:g1:g3', 'DUPLICATE:g2:g3']);
  });
});

describe('what a medicine is, for the checks', () => {
  const interactsWithBetas = (item: MedicineForCheck) => check([proposed(item)], [medicine('bm', ['betamab'])]).map((found) => found.kind);

  it('takes its generic name for its ingredient when none are listed, in any case and spacing', () => {
    expect(interactsWithBetas(medicine('x', [], { genericName: '  Alphamycin ' }))).toEqual(['INTERACTION']);
  });

  it('reads its class from an ATC code in either case, from its start only', () => {
    expect(interactsWithBetas(medicine('x', ['unknownium'], { atcCode: 'a01zz' }))).toEqual(['INTERACTION']);
    expect(interactsWithBetas(medicine('x', ['unknownium'], { atcCode: 'ZZA01' }))).toEqual([]);
  });

  it('reads its class from the class written on it, when the words name a class', () => {
    expect(interactsWithBetas(medicine('x', ['unknownium'], { therapeuticClass: 'Alpha drugs' }))).toEqual(['INTERACTION']);
    expect(interactsWithBetas(medicine('x', ['unknownium'], { therapeuticClass: 'alphamycin' }))).toEqual([]);
    const writtenOmega = check([proposed(medicine('x', ['unknownium'], { therapeuticClass: 'Omega' }))], [medicine('o', ['omegavir'])]);
    expect(writtenOmega).toEqual([expect.objectContaining({ kind: 'DUPLICATE', message: 'x label and o label, which the patient already takes, are both Omega drugs.' })]);
  });
});

describe('the maximum daily dose, met one rule at a time', () => {
  const strong = (extra: Partial<MedicineForCheck> = {}) => medicine('s', ['strongium'], { strength: { amount: 500, unit: 'mg' }, maxDailyDose: { amount: 4, unit: 'g' }, ...extra });

  it('counts each kind of dose unit by the strength of one', () => {
    for (const unit of ['tablets', 'capsules', 'sachets', 'puffs', 'drops'] as const) {
      expect(check([proposed(strong(), { dose: { amount: 3, unit }, timesPerDay: 3 })]).map((found) => found.message)).toEqual(['s label: 4.5 g a day is above the maximum of 4 g a day.']);
    }
  });

  it('works out nothing without a dose, without how often, or for a count of a medicine of no strength', () => {
    expect(check([proposed(strong(), { dose: null, timesPerDay: 3 })])).toEqual([]);
    expect(check([proposed(strong(), { dose: { amount: 9, unit: 'g' }, timesPerDay: null })])).toEqual([]);
    expect(check([proposed(strong({ strength: null }), { dose: { amount: 9, unit: 'tablets' }, timesPerDay: 3 })])).toEqual([]);
  });

  it('has nothing to compare for a medicine without a maximum', () => {
    expect(check([proposed(strong({ maxDailyDose: null }), { dose: { amount: 9, unit: 'g' }, timesPerDay: 3 })])).toEqual([]);
  });

  it('takes a day’s total within a billionth of the maximum for the maximum itself, as rounding of units leaves it', () => {
    expect(check([proposed(strong({ maxDailyDose: { amount: 1, unit: 'mg' } }), { dose: { amount: 1 + 1e-9, unit: 'mg' }, timesPerDay: 1 })])).toEqual([]);
  });

  it('multiplies the dose by the times a day and words the amounts to three decimals', () => {
    const alerts = check([proposed(strong({ maxDailyDose: { amount: 1, unit: 'mg' } }), { dose: { amount: 0.4444, unit: 'mg' }, timesPerDay: 3 })]);
    expect(alerts).toEqual([
      {
        id: 'DOSE:s',
        kind: 'DOSE',
        severity: 'SEVERE',
        productId: 's',
        otherProductId: null,
        message: 's label: 1.333 mg a day is above the maximum of 1 mg a day.',
        advice: 'Lower the dose or how often it is taken. If the higher dose is intended, record why.',
        needsOverride: true,
      },
    ]);
    expect(check([proposed(strong(), { dose: { amount: 2, unit: 'g' }, timesPerDay: 2 })])).toEqual([]);
  });
});

import type { AlertSeverity } from '../checks/alerts.ts';

// Allergy to one class that warns of another. Rates from public reviews of beta-lactam and
// sulfonamide cross-reactivity; the advice is the usual prescribing guidance.

export type CrossSensitivity = {
  readonly allergyClass: string;
  readonly reactsWith: string;
  readonly severity: AlertSeverity;
  readonly message: string;
  readonly advice: string;
};

const betaLactamAdvice = 'Avoid if the reaction was immediate or severe (anaphylaxis, hives, swelling, breathing difficulty). Otherwise it may be used with care; watch for a reaction after the first dose.';

export const crossSensitivities: readonly CrossSensitivity[] = [
  { allergyClass: 'penicillins', reactsWith: 'cephalosporins', severity: 'MODERATE', message: 'Some people allergic to penicillins also react to cephalosporins (about 1 in 50; more with first-generation ones such as cefalexin).', advice: betaLactamAdvice },
  { allergyClass: 'penicillins', reactsWith: 'carbapenems', severity: 'MINOR', message: 'Cross-reaction between penicillins and carbapenems is rare (under 1 in 100).', advice: betaLactamAdvice },
  { allergyClass: 'cephalosporins', reactsWith: 'penicillins', severity: 'MODERATE', message: 'Some people allergic to cephalosporins also react to penicillins.', advice: betaLactamAdvice },
  { allergyClass: 'cephalosporins', reactsWith: 'carbapenems', severity: 'MINOR', message: 'Cross-reaction between cephalosporins and carbapenems is rare.', advice: betaLactamAdvice },
  { allergyClass: 'carbapenems', reactsWith: 'penicillins', severity: 'MINOR', message: 'Cross-reaction between carbapenems and penicillins is rare.', advice: betaLactamAdvice },
  { allergyClass: 'sulfonamide antibiotics', reactsWith: 'thiazide diuretics', severity: 'MINOR', message: 'Thiazide diuretics are sulfonamides too; cross-reaction with sulfonamide antibiotics is uncommon but reported.', advice: 'Usually safe; avoid if the sulfonamide reaction was severe (Stevens–Johnson syndrome, anaphylaxis).' },
  { allergyClass: 'sulfonamide antibiotics', reactsWith: 'loop diuretics', severity: 'MINOR', message: 'Furosemide and bumetanide are sulfonamides; cross-reaction with sulfonamide antibiotics is uncommon but reported.', advice: 'Usually safe; avoid if the sulfonamide reaction was severe.' },
  { allergyClass: 'sulfonamide antibiotics', reactsWith: 'sulfonylureas', severity: 'MINOR', message: 'Sulfonylureas are sulfonamides; cross-reaction with sulfonamide antibiotics is uncommon but reported.', advice: 'Usually safe; avoid if the sulfonamide reaction was severe.' },
];

// Words people write in an allergy record, and what they mean to the checks. Ingredient names and
// class names (and their singulars) are recognised on their own; these are the other words:
// brands, abbreviations and everyday names. Compiled from common allergy-record wording.

export type AllergyTerm = { readonly term: string; readonly kind: 'INGREDIENT' | 'CLASS'; readonly name: string };

const toClass = (name: string, ...terms: string[]): AllergyTerm[] => terms.map((term) => ({ term, kind: 'CLASS', name }));
const toIngredient = (name: string, ...terms: string[]): AllergyTerm[] => terms.map((term) => ({ term, kind: 'INGREDIENT', name }));

export const allergyTerms: readonly AllergyTerm[] = [
  ...toClass('penicillins', 'penicillin', 'pcn', 'pen', 'penicillin v', 'penicillin g'),
  ...toIngredient('amoxicillin', 'amoxil', 'amoxycillin', 'augmentin', 'co-amoxiclav', 'amox'),
  ...toIngredient('flucloxacillin', 'floxapen'),
  ...toClass('cephalosporins', 'cephalosporin', 'cephalosporines', 'cefalosporin'),
  ...toIngredient('cefalexin', 'keflex', 'cephalexin'),
  ...toClass('carbapenems', 'carbapenem'),
  ...toClass('sulfonamide antibiotics', 'sulfa', 'sulpha', 'sulfa drugs', 'sulpha drugs', 'sulfonamide', 'sulfonamides', 'sulphonamide', 'sulphonamides', 'septrin', 'bactrim', 'co-trimoxazole', 'cotrimoxazole'),
  ...toClass('macrolides', 'macrolide'),
  ...toIngredient('erythromycin', 'erythromycine'),
  ...toClass('fluoroquinolones', 'quinolone', 'quinolones', 'fluoroquinolone'),
  ...toClass('tetracyclines', 'tetracycline'),
  ...toClass('nsaids', 'nsaid', 'non-steroidal', 'anti-inflammatories', 'anti-inflammatory'),
  ...toIngredient('aspirin', 'asa', 'acetylsalicylic acid', 'disprin'),
  ...toIngredient('ibuprofen', 'brufen', 'nurofen', 'advil'),
  ...toIngredient('diclofenac', 'voltaren', 'voltarol'),
  ...toIngredient('paracetamol', 'acetaminophen', 'tylenol', 'panadol'),
  ...toClass('opioids', 'opioid', 'opiate', 'opiates'),
  ...toIngredient('codeine', 'co-codamol'),
  ...toIngredient('morphine', 'oramorph'),
  ...toClass('ace inhibitors', 'ace inhibitor', 'ace-i', 'acei'),
  ...toClass('statins', 'statin'),
  ...toClass('azole antifungals', 'azoles'),
  ...toClass('benzodiazepines', 'benzodiazepine', 'benzos'),
];

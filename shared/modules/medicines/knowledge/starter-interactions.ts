import type { InteractionRecord } from './interaction-record.ts';

// The starter knowledge base every workstation begins with: well-known, clinically important
// pairs from public prescribing information (FDA labels, EMA product information, the BNF's
// published interaction summaries). It is a safety net, not a licensed knowledge base: a clinic
// loads one of those with `npm run interactions:import -- file.csv` or the Catalogue screen.

const SOURCE = 'Starter set: public prescribing information';

type Row = readonly [InteractionRecord['firstKind'], string, InteractionRecord['secondKind'], string, InteractionRecord['severity'], string, string];

const rows: readonly Row[] = [
  ['INGREDIENT', 'warfarin', 'CLASS', 'nsaids', 'SEVERE', 'NSAIDs with warfarin greatly raise the risk of bleeding, especially from the stomach.', 'Avoid; use paracetamol for pain. If an NSAID is essential, give the shortest course with a PPI and check the INR.'],
  ['INGREDIENT', 'warfarin', 'CLASS', 'macrolides', 'SEVERE', 'Clarithromycin and erythromycin slow the breakdown of warfarin: the INR rises and bleeding may follow.', 'Prefer another antibiotic; otherwise check the INR within 3 to 5 days and adjust the warfarin dose.'],
  ['INGREDIENT', 'warfarin', 'CLASS', 'azole antifungals', 'SEVERE', 'Azole antifungals (including miconazole oral gel) markedly raise the INR.', 'Avoid miconazole; with fluconazole or others, check the INR closely and reduce warfarin if needed.'],
  ['INGREDIENT', 'warfarin', 'INGREDIENT', 'metronidazole', 'SEVERE', 'Metronidazole raises the effect of warfarin; serious bleeding has occurred.', 'Avoid if possible; otherwise reduce warfarin and check the INR within 3 to 5 days.'],
  ['INGREDIENT', 'warfarin', 'INGREDIENT', 'sulfamethoxazole', 'SEVERE', 'Co-trimoxazole raises the INR sharply.', 'Choose another antibiotic, or check the INR within 3 to 5 days.'],
  ['INGREDIENT', 'warfarin', 'CLASS', 'fluoroquinolones', 'MODERATE', 'Ciprofloxacin and other quinolones may raise the INR.', 'Check the INR during and after the course.'],
  ['INGREDIENT', 'warfarin', 'CLASS', 'antiplatelets', 'SEVERE', 'An antiplatelet with warfarin adds to the risk of bleeding.', 'Give together only when a specialist has decided so; protect the stomach with a PPI.'],
  ['INGREDIENT', 'warfarin', 'INGREDIENT', 'aspirin', 'SEVERE', 'Aspirin with warfarin adds to the risk of bleeding.', 'Give together only when a specialist has decided so; protect the stomach with a PPI.'],
  ['INGREDIENT', 'warfarin', 'CLASS', 'ssris', 'MODERATE', 'SSRIs impair platelets: bleeding is more likely with warfarin.', 'Watch for bleeding; consider a PPI.'],
  ['INGREDIENT', 'warfarin', 'INGREDIENT', 'paracetamol', 'MINOR', 'Regular paracetamol above 2 g a day for several days may raise the INR.', 'Occasional doses are fine; check the INR if taken regularly.'],
  ['INGREDIENT', 'warfarin', 'CLASS', 'direct oral anticoagulants', 'CONTRAINDICATED', 'Two anticoagulants together cause serious bleeding.', 'Do not combine; when switching, follow the switching schedule.'],
  ['CLASS', 'direct oral anticoagulants', 'CLASS', 'nsaids', 'SEVERE', 'NSAIDs with an anticoagulant raise the risk of bleeding.', 'Avoid; use paracetamol.'],
  ['CLASS', 'direct oral anticoagulants', 'CLASS', 'antiplatelets', 'SEVERE', 'An antiplatelet with an anticoagulant adds to the risk of bleeding.', 'Combine only on a specialist’s plan, for the shortest time.'],
  ['CLASS', 'ace inhibitors', 'CLASS', 'potassium-sparing diuretics', 'SEVERE', 'Both raise potassium: dangerous hyperkalaemia may follow, above all with kidney disease.', 'Check potassium and kidney function before and within a week of starting; avoid in kidney impairment.'],
  ['CLASS', 'angiotensin receptor blockers', 'CLASS', 'potassium-sparing diuretics', 'SEVERE', 'Both raise potassium: dangerous hyperkalaemia may follow.', 'Check potassium and kidney function before and within a week of starting.'],
  ['CLASS', 'ace inhibitors', 'CLASS', 'potassium supplements', 'MODERATE', 'Potassium supplements with an ACE inhibitor may cause hyperkalaemia.', 'Give only for proven low potassium; check potassium.'],
  ['CLASS', 'angiotensin receptor blockers', 'CLASS', 'potassium supplements', 'MODERATE', 'Potassium supplements with an ARB may cause hyperkalaemia.', 'Give only for proven low potassium; check potassium.'],
  ['INGREDIENT', 'spironolactone', 'CLASS', 'potassium supplements', 'SEVERE', 'Spironolactone keeps potassium: supplements may cause dangerous hyperkalaemia.', 'Avoid the combination.'],
  ['CLASS', 'ace inhibitors', 'CLASS', 'angiotensin receptor blockers', 'SEVERE', 'Dual blockade of the renin–angiotensin system causes hyperkalaemia, low blood pressure and kidney failure.', 'Do not combine outside specialist care.'],
  ['CLASS', 'ace inhibitors', 'CLASS', 'nsaids', 'MODERATE', 'NSAIDs blunt the blood-pressure effect of ACE inhibitors and, with a diuretic, may injure the kidneys.', 'Prefer paracetamol; if needed, use briefly and check kidney function.'],
  ['CLASS', 'angiotensin receptor blockers', 'CLASS', 'nsaids', 'MODERATE', 'NSAIDs blunt the blood-pressure effect of ARBs and may injure the kidneys.', 'Prefer paracetamol; if needed, use briefly and check kidney function.'],
  ['CLASS', 'ssris', 'INGREDIENT', 'tramadol', 'SEVERE', 'Serotonin syndrome and seizures may follow.', 'Prefer another analgesic; if used, start low and tell the patient the warning signs (agitation, tremor, fever).'],
  ['CLASS', 'snris', 'INGREDIENT', 'tramadol', 'SEVERE', 'Serotonin syndrome and seizures may follow.', 'Prefer another analgesic.'],
  ['CLASS', 'tricyclic antidepressants', 'INGREDIENT', 'tramadol', 'MODERATE', 'Seizures and serotonin toxicity are more likely.', 'Use the lowest dose; watch for warning signs.'],
  ['CLASS', 'ssris', 'CLASS', 'maois', 'CONTRAINDICATED', 'Life-threatening serotonin syndrome.', 'Never combine; allow the washout period (two weeks after an MAOI, five weeks after fluoxetine).'],
  ['CLASS', 'snris', 'CLASS', 'maois', 'CONTRAINDICATED', 'Life-threatening serotonin syndrome.', 'Never combine; allow the washout period.'],
  ['CLASS', 'maois', 'INGREDIENT', 'tramadol', 'CONTRAINDICATED', 'Serotonin syndrome and seizures.', 'Do not combine.'],
  ['CLASS', 'maois', 'INGREDIENT', 'pethidine', 'CONTRAINDICATED', 'Severe, sometimes fatal, excitation or depression of the nervous system.', 'Do not combine.'],
  ['CLASS', 'ssris', 'CLASS', 'triptans', 'MODERATE', 'Serotonin toxicity is possible.', 'Tell the patient the warning signs; usually acceptable.'],
  ['CLASS', 'ssris', 'CLASS', 'nsaids', 'MODERATE', 'Bleeding from the stomach is more likely.', 'Consider a PPI, above all in older patients.'],
  ['INGREDIENT', 'simvastatin', 'INGREDIENT', 'clarithromycin', 'CONTRAINDICATED', 'Clarithromycin raises simvastatin levels many times: muscle breakdown (rhabdomyolysis) may follow.', 'Stop simvastatin during the course, or use azithromycin.'],
  ['INGREDIENT', 'simvastatin', 'INGREDIENT', 'erythromycin', 'CONTRAINDICATED', 'Erythromycin raises simvastatin levels: risk of rhabdomyolysis.', 'Stop simvastatin during the course.'],
  ['INGREDIENT', 'simvastatin', 'INGREDIENT', 'itraconazole', 'CONTRAINDICATED', 'Itraconazole raises simvastatin levels: risk of rhabdomyolysis.', 'Stop simvastatin during the course.'],
  ['INGREDIENT', 'simvastatin', 'INGREDIENT', 'ketoconazole', 'CONTRAINDICATED', 'Ketoconazole raises simvastatin levels: risk of rhabdomyolysis.', 'Do not combine.'],
  ['INGREDIENT', 'simvastatin', 'INGREDIENT', 'amlodipine', 'MODERATE', 'Amlodipine raises simvastatin levels.', 'Keep simvastatin at 20 mg a day or less.'],
  ['INGREDIENT', 'atorvastatin', 'INGREDIENT', 'clarithromycin', 'MODERATE', 'Clarithromycin raises atorvastatin levels: muscle pain or damage.', 'Use the lowest atorvastatin dose or pause it during the course.'],
  ['INGREDIENT', 'methotrexate', 'INGREDIENT', 'trimethoprim', 'SEVERE', 'Both block folate: bone-marrow suppression, sometimes fatal.', 'Avoid; choose another antibiotic.'],
  ['INGREDIENT', 'methotrexate', 'INGREDIENT', 'sulfamethoxazole', 'SEVERE', 'Bone-marrow suppression, sometimes fatal.', 'Avoid; choose another antibiotic.'],
  ['INGREDIENT', 'methotrexate', 'CLASS', 'nsaids', 'MODERATE', 'NSAIDs slow the removal of methotrexate: toxicity may follow.', 'Acceptable with low weekly doses if blood counts and kidney function are watched.'],
  ['CLASS', 'pde5 inhibitors', 'CLASS', 'nitrates', 'CONTRAINDICATED', 'A dangerous fall in blood pressure.', 'Never combine; no nitrate within 24 hours of sildenafil (48 hours of tadalafil).'],
  ['INGREDIENT', 'clopidogrel', 'INGREDIENT', 'omeprazole', 'MODERATE', 'Omeprazole reduces the activation of clopidogrel.', 'Use pantoprazole or lansoprazole instead.'],
  ['INGREDIENT', 'clopidogrel', 'INGREDIENT', 'esomeprazole', 'MODERATE', 'Esomeprazole reduces the activation of clopidogrel.', 'Use pantoprazole or lansoprazole instead.'],
  ['INGREDIENT', 'lithium', 'CLASS', 'nsaids', 'SEVERE', 'NSAIDs raise lithium levels: toxicity may follow.', 'Avoid; if needed, check lithium levels within a week.'],
  ['INGREDIENT', 'lithium', 'CLASS', 'ace inhibitors', 'SEVERE', 'ACE inhibitors raise lithium levels.', 'Check lithium levels closely after starting.'],
  ['INGREDIENT', 'lithium', 'CLASS', 'thiazide diuretics', 'SEVERE', 'Thiazides raise lithium levels.', 'Avoid, or reduce lithium and check levels.'],
  ['INGREDIENT', 'digoxin', 'INGREDIENT', 'clarithromycin', 'SEVERE', 'Clarithromycin raises digoxin levels: toxicity (nausea, slow pulse, arrhythmia).', 'Choose another antibiotic or check digoxin levels.'],
  ['INGREDIENT', 'digoxin', 'INGREDIENT', 'amiodarone', 'SEVERE', 'Amiodarone doubles digoxin levels.', 'Halve the digoxin dose and check levels.'],
  ['INGREDIENT', 'allopurinol', 'INGREDIENT', 'azathioprine', 'SEVERE', 'Allopurinol blocks the breakdown of azathioprine: severe bone-marrow suppression.', 'Avoid, or reduce azathioprine to a quarter with close blood counts.'],
  ['CLASS', 'opioids', 'CLASS', 'benzodiazepines', 'SEVERE', 'Deep sedation, slowed breathing, coma and death.', 'Combine only when nothing else will do, at the lowest doses, for the shortest time.'],
  ['CLASS', 'beta blockers', 'INGREDIENT', 'verapamil', 'SEVERE', 'Heart block, very slow pulse, heart failure.', 'Avoid the combination, especially intravenous verapamil.'],
  ['INGREDIENT', 'theophylline', 'INGREDIENT', 'ciprofloxacin', 'SEVERE', 'Ciprofloxacin raises theophylline levels: seizures and arrhythmia.', 'Choose another antibiotic or halve theophylline and check levels.'],
  ['CLASS', 'fluoroquinolones', 'CLASS', 'systemic corticosteroids', 'MODERATE', 'Tendon inflammation and rupture are more likely, above all over 60.', 'Avoid if possible; tell the patient to stop at the first tendon pain.'],
  ['CLASS', 'sulfonylureas', 'INGREDIENT', 'clarithromycin', 'MODERATE', 'Low blood sugar is more likely.', 'Tell the patient to check blood sugar more often.'],
  ['CLASS', 'nsaids', 'CLASS', 'systemic corticosteroids', 'MODERATE', 'Bleeding and ulcers of the stomach are more likely.', 'Add a PPI if the combination is needed.'],
  ['INGREDIENT', 'levothyroxine', 'CLASS', 'antacids and minerals', 'MINOR', 'Calcium, iron and antacids reduce the absorption of levothyroxine.', 'Take levothyroxine at least 4 hours apart from them.'],
  ['CLASS', 'tetracyclines', 'CLASS', 'antacids and minerals', 'MINOR', 'Calcium, iron and antacids reduce the absorption of tetracyclines.', 'Take them 2 to 3 hours apart.'],
  ['CLASS', 'fluoroquinolones', 'CLASS', 'antacids and minerals', 'MINOR', 'Calcium, iron and antacids reduce the absorption of quinolones.', 'Take the quinolone 2 hours before or 6 hours after.'],
  ['INGREDIENT', 'domperidone', 'CLASS', 'macrolides', 'CONTRAINDICATED', 'Both prolong the QT interval: dangerous heart rhythms.', 'Do not combine.'],
  ['INGREDIENT', 'colchicine', 'INGREDIENT', 'clarithromycin', 'CONTRAINDICATED', 'Clarithromycin raises colchicine levels: fatal toxicity has occurred.', 'Do not combine; pause colchicine or choose another antibiotic.'],
  ['INGREDIENT', 'metformin', 'INGREDIENT', 'alcohol', 'MODERATE', 'Heavy drinking with metformin raises the risk of lactic acidosis.', 'Advise the patient to limit alcohol.'],
];

export const starterInteractions: readonly InteractionRecord[] = rows.map(([firstKind, firstName, secondKind, secondName, severity, effect, advice]) => ({ firstKind, firstName, secondKind, secondName, severity, effect, advice, source: SOURCE }));

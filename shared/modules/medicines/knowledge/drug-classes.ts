// The classes the checks reason with: which ingredients belong to each (by name and by ATC code
// prefix), and whether two medicines of the class together are duplicate therapy. Compiled from
// the WHO ATC index and public prescribing information; a clinic may extend it in code review.

export type DrugClass = {
  /** Lower-case key, as interaction pairs and allergy terms name it. */
  readonly name: string;
  readonly label: string;
  readonly atcPrefixes: readonly string[];
  readonly members: readonly string[];
  /** Two medicines of this class at once are usually a mistake. */
  readonly duplicateTherapy: boolean;
};

export const drugClasses: readonly DrugClass[] = [
  { name: 'penicillins', label: 'Penicillins', atcPrefixes: ['J01C'], members: ['amoxicillin', 'ampicillin', 'flucloxacillin', 'phenoxymethylpenicillin', 'benzylpenicillin', 'piperacillin', 'cloxacillin', 'dicloxacillin', 'penicillin v', 'penicillin g'], duplicateTherapy: true },
  { name: 'cephalosporins', label: 'Cephalosporins', atcPrefixes: ['J01DB', 'J01DC', 'J01DD', 'J01DE', 'J01DI'], members: ['cefalexin', 'cephalexin', 'cefadroxil', 'cefaclor', 'cefuroxime', 'cefixime', 'cefpodoxime', 'ceftriaxone', 'cefotaxime', 'ceftazidime', 'cefepime', 'cefazolin', 'cefdinir'], duplicateTherapy: true },
  { name: 'carbapenems', label: 'Carbapenems', atcPrefixes: ['J01DH'], members: ['meropenem', 'imipenem', 'ertapenem'], duplicateTherapy: true },
  { name: 'macrolides', label: 'Macrolides', atcPrefixes: ['J01FA'], members: ['clarithromycin', 'erythromycin', 'azithromycin'], duplicateTherapy: true },
  { name: 'fluoroquinolones', label: 'Fluoroquinolones', atcPrefixes: ['J01MA'], members: ['ciprofloxacin', 'levofloxacin', 'moxifloxacin', 'ofloxacin', 'norfloxacin'], duplicateTherapy: true },
  { name: 'tetracyclines', label: 'Tetracyclines', atcPrefixes: ['J01AA'], members: ['doxycycline', 'tetracycline', 'minocycline', 'lymecycline', 'oxytetracycline'], duplicateTherapy: true },
  { name: 'sulfonamide antibiotics', label: 'Sulfonamide antibiotics', atcPrefixes: ['J01EB', 'J01EC', 'J01ED', 'J01EE'], members: ['sulfamethoxazole', 'sulfadiazine', 'sulfasalazine'], duplicateTherapy: true },
  { name: 'nitroimidazoles', label: 'Nitroimidazoles', atcPrefixes: ['J01XD', 'P01AB'], members: ['metronidazole', 'tinidazole'], duplicateTherapy: true },
  { name: 'azole antifungals', label: 'Azole antifungals', atcPrefixes: ['J02AC', 'J02AB'], members: ['fluconazole', 'itraconazole', 'voriconazole', 'posaconazole', 'ketoconazole', 'miconazole'], duplicateTherapy: true },
  { name: 'nsaids', label: 'NSAIDs', atcPrefixes: ['M01A'], members: ['ibuprofen', 'naproxen', 'diclofenac', 'aspirin', 'acetylsalicylic acid', 'mefenamic acid', 'indometacin', 'indomethacin', 'ketorolac', 'celecoxib', 'etoricoxib', 'meloxicam', 'piroxicam', 'ketoprofen'], duplicateTherapy: true },
  { name: 'opioids', label: 'Opioids', atcPrefixes: ['N02A', 'R05DA'], members: ['morphine', 'tramadol', 'codeine', 'oxycodone', 'fentanyl', 'tapentadol', 'dihydrocodeine', 'pethidine', 'hydromorphone', 'buprenorphine', 'methadone'], duplicateTherapy: true },
  { name: 'ace inhibitors', label: 'ACE inhibitors', atcPrefixes: ['C09A', 'C09B'], members: ['lisinopril', 'enalapril', 'ramipril', 'perindopril', 'captopril', 'fosinopril', 'quinapril'], duplicateTherapy: true },
  { name: 'angiotensin receptor blockers', label: 'Angiotensin receptor blockers (ARBs)', atcPrefixes: ['C09C', 'C09D'], members: ['losartan', 'valsartan', 'candesartan', 'irbesartan', 'telmisartan', 'olmesartan'], duplicateTherapy: true },
  { name: 'potassium-sparing diuretics', label: 'Potassium-sparing diuretics', atcPrefixes: ['C03DA', 'C03DB'], members: ['spironolactone', 'eplerenone', 'amiloride', 'triamterene'], duplicateTherapy: true },
  { name: 'thiazide diuretics', label: 'Thiazide and related diuretics', atcPrefixes: ['C03AA', 'C03BA'], members: ['hydrochlorothiazide', 'bendroflumethiazide', 'indapamide', 'chlortalidone', 'chlorthalidone'], duplicateTherapy: true },
  { name: 'loop diuretics', label: 'Loop diuretics', atcPrefixes: ['C03CA'], members: ['furosemide', 'bumetanide', 'torasemide'], duplicateTherapy: true },
  { name: 'beta blockers', label: 'Beta blockers', atcPrefixes: ['C07A'], members: ['atenolol', 'bisoprolol', 'metoprolol', 'propranolol', 'carvedilol', 'nebivolol', 'labetalol'], duplicateTherapy: true },
  { name: 'calcium channel blockers', label: 'Calcium channel blockers', atcPrefixes: ['C08'], members: ['amlodipine', 'nifedipine', 'felodipine', 'lercanidipine', 'diltiazem', 'verapamil'], duplicateTherapy: true },
  { name: 'statins', label: 'Statins', atcPrefixes: ['C10AA'], members: ['simvastatin', 'atorvastatin', 'rosuvastatin', 'pravastatin', 'fluvastatin'], duplicateTherapy: true },
  { name: 'vitamin k antagonists', label: 'Vitamin K antagonists', atcPrefixes: ['B01AA'], members: ['warfarin', 'acenocoumarol', 'phenprocoumon'], duplicateTherapy: true },
  { name: 'direct oral anticoagulants', label: 'Direct oral anticoagulants', atcPrefixes: ['B01AE', 'B01AF'], members: ['apixaban', 'rivaroxaban', 'dabigatran', 'edoxaban'], duplicateTherapy: true },
  { name: 'antiplatelets', label: 'Antiplatelets', atcPrefixes: ['B01AC'], members: ['clopidogrel', 'ticagrelor', 'prasugrel', 'dipyridamole'], duplicateTherapy: false },
  { name: 'proton pump inhibitors', label: 'Proton pump inhibitors (PPIs)', atcPrefixes: ['A02BC'], members: ['omeprazole', 'esomeprazole', 'lansoprazole', 'pantoprazole', 'rabeprazole'], duplicateTherapy: true },
  { name: 'h2 antagonists', label: 'H2 antagonists', atcPrefixes: ['A02BA'], members: ['ranitidine', 'famotidine', 'cimetidine'], duplicateTherapy: true },
  { name: 'biguanides', label: 'Biguanides', atcPrefixes: ['A10BA'], members: ['metformin'], duplicateTherapy: true },
  { name: 'sulfonylureas', label: 'Sulfonylureas', atcPrefixes: ['A10BB'], members: ['gliclazide', 'glimepiride', 'glibenclamide', 'glipizide'], duplicateTherapy: true },
  { name: 'dpp-4 inhibitors', label: 'DPP-4 inhibitors', atcPrefixes: ['A10BH'], members: ['sitagliptin', 'linagliptin', 'saxagliptin', 'alogliptin', 'vildagliptin'], duplicateTherapy: true },
  { name: 'sglt2 inhibitors', label: 'SGLT2 inhibitors', atcPrefixes: ['A10BK'], members: ['empagliflozin', 'dapagliflozin', 'canagliflozin'], duplicateTherapy: true },
  { name: 'insulins', label: 'Insulins', atcPrefixes: ['A10A'], members: ['insulin glargine', 'insulin detemir', 'insulin aspart', 'insulin lispro', 'insulin isophane', 'soluble insulin'], duplicateTherapy: false },
  { name: 'ssris', label: 'SSRIs', atcPrefixes: ['N06AB'], members: ['sertraline', 'fluoxetine', 'citalopram', 'escitalopram', 'paroxetine', 'fluvoxamine'], duplicateTherapy: true },
  { name: 'snris', label: 'SNRIs', atcPrefixes: [], members: ['venlafaxine', 'duloxetine', 'desvenlafaxine'], duplicateTherapy: true },
  { name: 'tricyclic antidepressants', label: 'Tricyclic antidepressants', atcPrefixes: ['N06AA'], members: ['amitriptyline', 'nortriptyline', 'clomipramine', 'imipramine', 'dosulepin'], duplicateTherapy: true },
  { name: 'maois', label: 'MAO inhibitors', atcPrefixes: ['N06AF', 'N06AG'], members: ['phenelzine', 'tranylcypromine', 'isocarboxazid', 'moclobemide', 'selegiline', 'rasagiline'], duplicateTherapy: true },
  { name: 'triptans', label: 'Triptans', atcPrefixes: ['N02CC'], members: ['sumatriptan', 'rizatriptan', 'zolmitriptan', 'naratriptan', 'eletriptan'], duplicateTherapy: true },
  { name: 'benzodiazepines', label: 'Benzodiazepines', atcPrefixes: ['N05BA', 'N05CD'], members: ['diazepam', 'lorazepam', 'alprazolam', 'temazepam', 'clonazepam', 'chlordiazepoxide', 'midazolam'], duplicateTherapy: true },
  { name: 'antihistamines', label: 'Antihistamines', atcPrefixes: ['R06A'], members: ['cetirizine', 'levocetirizine', 'loratadine', 'desloratadine', 'fexofenadine', 'chlorphenamine', 'chlorpheniramine', 'promethazine', 'hydroxyzine'], duplicateTherapy: true },
  { name: 'short-acting beta2 agonists', label: 'Short-acting beta2 agonists', atcPrefixes: ['R03AC02', 'R03AC03'], members: ['salbutamol', 'albuterol', 'terbutaline'], duplicateTherapy: true },
  { name: 'inhaled corticosteroids', label: 'Inhaled corticosteroids', atcPrefixes: ['R03BA'], members: ['beclometasone', 'budesonide', 'fluticasone', 'ciclesonide', 'mometasone'], duplicateTherapy: true },
  { name: 'systemic corticosteroids', label: 'Corticosteroids (systemic)', atcPrefixes: ['H02AB'], members: ['prednisolone', 'prednisone', 'dexamethasone', 'hydrocortisone', 'methylprednisolone'], duplicateTherapy: true },
  { name: 'nitrates', label: 'Nitrates', atcPrefixes: ['C01DA'], members: ['glyceryl trinitrate', 'nitroglycerin', 'isosorbide mononitrate', 'isosorbide dinitrate'], duplicateTherapy: false },
  { name: 'pde5 inhibitors', label: 'PDE5 inhibitors', atcPrefixes: ['G04BE'], members: ['sildenafil', 'tadalafil', 'vardenafil', 'avanafil'], duplicateTherapy: true },
  { name: 'potassium supplements', label: 'Potassium supplements', atcPrefixes: ['A12BA'], members: ['potassium chloride', 'potassium bicarbonate'], duplicateTherapy: false },
  { name: 'antacids and minerals', label: 'Antacids, calcium and iron', atcPrefixes: ['A02A', 'A12AA', 'B03A'], members: ['calcium carbonate', 'ferrous sulfate', 'ferrous fumarate', 'magnesium hydroxide', 'aluminium hydroxide'], duplicateTherapy: false },
  { name: 'dopamine antagonist antiemetics', label: 'Dopamine-blocking antiemetics', atcPrefixes: ['A03FA'], members: ['metoclopramide', 'domperidone'], duplicateTherapy: true },
];

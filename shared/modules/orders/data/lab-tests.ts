import type { CatalogueTest } from '../catalogue-types.ts';
import { num, panel, qualitative, range, single, words } from './builders.ts';

// A starter set of common outpatient laboratory tests. LOINC codes are the usual ones for the
// serum/plasma or blood method; ranges are typical adult ranges (a clinic's own laboratory
// ranges are typed in with each result and win). Prices are minor units of the clinic's currency.

const blood = 'Blood';
const serum = 'Serum';
const urine = 'Urine';

export const labTests: readonly CatalogueTest[] = [
  // Haematology
  panel({ code: 'CBC', name: 'Complete blood count', loinc: '58410-2', specimen: blood, priceMinor: 12_00 }, [
    num('HGB', 'Haemoglobin', '718-7', 'g/dL', null, { MALE: range('13.5', '17.5'), FEMALE: range('12.0', '15.5') }),
    num('HCT', 'Haematocrit', '4544-3', '%', null, { MALE: range('41', '53'), FEMALE: range('36', '46') }),
    num('RBC', 'Red cell count', '789-8', '10^12/L', null, { MALE: range('4.5', '5.9'), FEMALE: range('4.0', '5.2') }),
    num('MCV', 'Mean cell volume', '787-2', 'fL', range('80', '100')),
    num('WBC', 'White cell count', '6690-2', '10^9/L', range('4.0', '11.0')),
    num('PLT', 'Platelets', '777-3', '10^9/L', range('150', '400')),
  ]),
  single({ code: 'ESR', name: 'Erythrocyte sedimentation rate', loinc: '4537-7', specimen: blood, priceMinor: 5_00 }, 'mm/h', null, { MALE: range('0', '15'), FEMALE: range('0', '20') }),
  single({ code: 'RETIC', name: 'Reticulocytes', loinc: '4679-7', specimen: blood, priceMinor: 8_00 }, '%', range('0.5', '2.5')),
  panel({ code: 'COAG', name: 'Prothrombin time and INR', loinc: null, specimen: 'Citrated plasma', priceMinor: 10_00 }, [
    num('PT', 'Prothrombin time', '5902-2', 's', range('11', '13.5')),
    num('INR', 'INR', '6301-6', '', range('0.8', '1.2')),
  ]),
  single({ code: 'APTT', name: 'Activated partial thromboplastin time', loinc: '14979-9', specimen: 'Citrated plasma', priceMinor: 10_00 }, 's', range('25', '35')),
  panel({ code: 'GROUP', name: 'Blood group and Rh', loinc: null, specimen: blood, priceMinor: 8_00 }, [words('ABO', 'ABO group', '883-9', null), words('RH', 'Rh(D) type', '10331-7', null)]),
  qualitative({ code: 'MALARIA', name: 'Malaria parasites, blood film', loinc: '32700-7', specimen: blood, priceMinor: 6_00 }, 'Not seen'),
  // Chemistry
  single({ code: 'GLU-F', name: 'Glucose, fasting', loinc: '1558-6', specimen: serum, priceMinor: 4_00 }, 'mmol/L', range('3.9', '5.5')),
  single({ code: 'GLU-R', name: 'Glucose, random', loinc: '2345-7', specimen: serum, priceMinor: 4_00 }, 'mmol/L', range('3.9', '7.8')),
  single({ code: 'HBA1C', name: 'Haemoglobin A1c', loinc: '4548-4', specimen: blood, priceMinor: 15_00 }, '%', range('4.0', '5.6')),
  panel({ code: 'BMP', name: 'Basic metabolic panel', loinc: '51990-0', specimen: serum, priceMinor: 18_00 }, [
    num('NA', 'Sodium', '2951-2', 'mmol/L', range('135', '145')),
    num('K', 'Potassium', '2823-3', 'mmol/L', range('3.5', '5.1')),
    num('CL', 'Chloride', '2075-0', 'mmol/L', range('98', '107')),
    num('CO2', 'Bicarbonate', '2028-9', 'mmol/L', range('22', '29')),
    num('UREA', 'Urea', '3094-0', 'mmol/L', range('2.5', '7.8')),
    num('CREAT', 'Creatinine', '2160-0', 'µmol/L', null, { MALE: range('62', '106'), FEMALE: range('44', '80') }),
    num('GLU', 'Glucose', '2345-7', 'mmol/L', range('3.9', '7.8')),
  ]),
  single({ code: 'CREA', name: 'Creatinine', loinc: '2160-0', specimen: serum, priceMinor: 5_00 }, 'µmol/L', null, { MALE: range('62', '106'), FEMALE: range('44', '80') }),
  single({ code: 'BUN', name: 'Urea', loinc: '3094-0', specimen: serum, priceMinor: 5_00 }, 'mmol/L', range('2.5', '7.8')),
  panel({ code: 'ELEC', name: 'Electrolytes', loinc: '24326-1', specimen: serum, priceMinor: 10_00 }, [
    num('NA', 'Sodium', '2951-2', 'mmol/L', range('135', '145')),
    num('K', 'Potassium', '2823-3', 'mmol/L', range('3.5', '5.1')),
    num('CL', 'Chloride', '2075-0', 'mmol/L', range('98', '107')),
  ]),
  single({ code: 'CA', name: 'Calcium', loinc: '17861-6', specimen: serum, priceMinor: 5_00 }, 'mmol/L', range('2.15', '2.55')),
  single({ code: 'MG', name: 'Magnesium', loinc: '19123-9', specimen: serum, priceMinor: 6_00 }, 'mmol/L', range('0.70', '1.00')),
  single({ code: 'PHOS', name: 'Phosphate', loinc: '2777-1', specimen: serum, priceMinor: 5_00 }, 'mmol/L', range('0.80', '1.50')),
  single({ code: 'URIC', name: 'Uric acid', loinc: '3084-1', specimen: serum, priceMinor: 6_00 }, 'µmol/L', null, { MALE: range('200', '430'), FEMALE: range('140', '360') }),
  panel({ code: 'LIPID', name: 'Lipid panel', loinc: '57698-3', specimen: serum, priceMinor: 15_00 }, [
    num('CHOL', 'Total cholesterol', '2093-3', 'mmol/L', range(null, '5.2')),
    num('TRIG', 'Triglycerides', '2571-8', 'mmol/L', range(null, '1.7')),
    num('HDL', 'HDL cholesterol', '2085-9', 'mmol/L', null, { MALE: range('1.0', null), FEMALE: range('1.2', null) }),
    num('LDL', 'LDL cholesterol, calculated', '13457-7', 'mmol/L', range(null, '3.0')),
  ]),
  panel({ code: 'LFT', name: 'Liver function tests', loinc: '24325-3', specimen: serum, priceMinor: 18_00 }, [
    num('ALT', 'Alanine aminotransferase', '1742-6', 'U/L', range('7', '56')),
    num('AST', 'Aspartate aminotransferase', '1920-8', 'U/L', range('10', '40')),
    num('ALP', 'Alkaline phosphatase', '6768-6', 'U/L', range('44', '147')),
    num('TBIL', 'Bilirubin, total', '1975-2', 'µmol/L', range('3', '21')),
    num('DBIL', 'Bilirubin, direct', '1968-7', 'µmol/L', range('0', '5')),
    num('ALB', 'Albumin', '1751-7', 'g/L', range('35', '50')),
    num('TP', 'Protein, total', '2885-2', 'g/L', range('60', '80')),
  ]),
  single({ code: 'GGT', name: 'Gamma-glutamyl transferase', loinc: '2324-2', specimen: serum, priceMinor: 6_00 }, 'U/L', null, { MALE: range('8', '61'), FEMALE: range('5', '36') }),
  single({ code: 'AMY', name: 'Amylase', loinc: '1798-8', specimen: serum, priceMinor: 8_00 }, 'U/L', range('30', '110')),
  single({ code: 'LIPASE', name: 'Lipase', loinc: '3040-3', specimen: serum, priceMinor: 10_00 }, 'U/L', range('0', '160')),
  single({ code: 'LDH', name: 'Lactate dehydrogenase', loinc: '2532-0', specimen: serum, priceMinor: 8_00 }, 'U/L', range('140', '280')),
  single({ code: 'CK', name: 'Creatine kinase', loinc: '2157-6', specimen: serum, priceMinor: 8_00 }, 'U/L', null, { MALE: range('39', '308'), FEMALE: range('26', '192') }),
  single({ code: 'TROP-I', name: 'Troponin I, cardiac', loinc: '10839-9', specimen: serum, priceMinor: 25_00 }, 'ng/L', range(null, '26')),
  single({ code: 'CRP', name: 'C-reactive protein', loinc: '1988-5', specimen: serum, priceMinor: 8_00 }, 'mg/L', range(null, '5')),
  // Iron and vitamins
  single({ code: 'FERR', name: 'Ferritin', loinc: '2276-4', specimen: serum, priceMinor: 14_00 }, 'µg/L', null, { MALE: range('30', '400'), FEMALE: range('13', '150') }),
  single({ code: 'FE', name: 'Iron', loinc: '2498-4', specimen: serum, priceMinor: 8_00 }, 'µmol/L', range('10', '30')),
  single({ code: 'TIBC', name: 'Total iron-binding capacity', loinc: '2500-7', specimen: serum, priceMinor: 8_00 }, 'µmol/L', range('45', '72')),
  single({ code: 'B12', name: 'Vitamin B12', loinc: '2132-9', specimen: serum, priceMinor: 18_00 }, 'pmol/L', range('148', '740')),
  single({ code: 'FOLATE', name: 'Folate', loinc: '2284-8', specimen: serum, priceMinor: 18_00 }, 'nmol/L', range('7', '45')),
  single({ code: 'VITD', name: '25-hydroxyvitamin D', loinc: '62292-8', specimen: serum, priceMinor: 30_00 }, 'nmol/L', range('75', '250')),
  // Endocrine
  single({ code: 'TSH', name: 'Thyroid-stimulating hormone', loinc: '3016-3', specimen: serum, priceMinor: 15_00 }, 'mIU/L', range('0.4', '4.0')),
  single({ code: 'FT4', name: 'Free thyroxine (free T4)', loinc: '3024-7', specimen: serum, priceMinor: 15_00 }, 'pmol/L', range('12', '22')),
  single({ code: 'FT3', name: 'Free triiodothyronine (free T3)', loinc: '3051-0', specimen: serum, priceMinor: 15_00 }, 'pmol/L', range('3.1', '6.8')),
  single({ code: 'PSA', name: 'Prostate-specific antigen', loinc: '2857-1', specimen: serum, priceMinor: 20_00 }, 'µg/L', range(null, '4.0')),
  single({ code: 'CORT', name: 'Cortisol, morning', loinc: '2143-6', specimen: serum, priceMinor: 20_00 }, 'nmol/L', range('140', '690')),
  single({ code: 'PRL', name: 'Prolactin', loinc: '2842-3', specimen: serum, priceMinor: 20_00 }, 'µg/L', null, { MALE: range('2', '18'), FEMALE: range('2', '29') }),
  single({ code: 'FSH', name: 'Follicle-stimulating hormone', loinc: '15067-2', specimen: serum, priceMinor: 18_00 }, 'IU/L', null),
  single({ code: 'LH', name: 'Luteinising hormone', loinc: '10501-5', specimen: serum, priceMinor: 18_00 }, 'IU/L', null),
  single({ code: 'TESTO', name: 'Testosterone, total', loinc: '2986-8', specimen: serum, priceMinor: 22_00 }, 'nmol/L', null, { MALE: range('8.6', '29'), FEMALE: range('0.3', '1.7') }),
  single({ code: 'BHCG', name: 'hCG, quantitative', loinc: '21198-7', specimen: serum, priceMinor: 15_00 }, 'IU/L', null),
  // Serology and infection
  qualitative({ code: 'HCG-U', name: 'Pregnancy test, urine', loinc: '2106-3', specimen: urine, priceMinor: 4_00 }, 'Negative'),
  qualitative({ code: 'HIV', name: 'HIV 1/2 antibody and p24 antigen', loinc: '56888-1', specimen: serum, priceMinor: 12_00 }, 'Non-reactive'),
  qualitative({ code: 'HBSAG', name: 'Hepatitis B surface antigen', loinc: '5196-1', specimen: serum, priceMinor: 10_00 }, 'Non-reactive'),
  qualitative({ code: 'HCV', name: 'Hepatitis C antibody', loinc: '16128-1', specimen: serum, priceMinor: 12_00 }, 'Non-reactive'),
  qualitative({ code: 'RPR', name: 'Syphilis, RPR', loinc: '20507-0', specimen: serum, priceMinor: 6_00 }, 'Non-reactive'),
  qualitative({ code: 'RF', name: 'Rheumatoid factor', loinc: '11572-5', specimen: serum, priceMinor: 10_00 }, 'Negative'),
  qualitative({ code: 'ASO', name: 'Antistreptolysin O', loinc: '5370-2', specimen: serum, priceMinor: 10_00 }, 'Negative'),
  qualitative({ code: 'ANA', name: 'Antinuclear antibodies', loinc: '5048-4', specimen: serum, priceMinor: 20_00 }, 'Negative'),
  qualitative({ code: 'WIDAL', name: 'Widal test', loinc: null, specimen: serum, priceMinor: 6_00 }, 'Negative'),
  qualitative({ code: 'DENGUE-NS1', name: 'Dengue NS1 antigen', loinc: null, specimen: serum, priceMinor: 15_00 }, 'Negative'),
  qualitative({ code: 'COVID-AG', name: 'SARS-CoV-2 antigen, rapid', loinc: '94558-4', specimen: 'Nasal swab', priceMinor: 10_00 }, 'Negative'),
  qualitative({ code: 'AFB', name: 'Acid-fast bacilli, sputum smear', loinc: '11545-1', specimen: 'Sputum', priceMinor: 8_00 }, 'Not seen'),
  qualitative({ code: 'CULT-U', name: 'Urine culture', loinc: '630-4', specimen: urine, priceMinor: 20_00 }, 'No growth'),
  qualitative({ code: 'CULT-THR', name: 'Throat swab culture', loinc: '626-2', specimen: 'Throat swab', priceMinor: 20_00 }, 'No growth'),
  qualitative({ code: 'CULT-BLD', name: 'Blood culture', loinc: '600-7', specimen: blood, priceMinor: 35_00 }, 'No growth'),
  // Urine and stool
  panel({ code: 'UA', name: 'Urinalysis, dipstick', loinc: '24356-8', specimen: urine, priceMinor: 5_00 }, [
    num('UPH', 'pH', '5803-2', '', range('5.0', '8.0')),
    num('USG', 'Specific gravity', '5811-5', '', range('1.005', '1.030')),
    words('UPRO', 'Protein', '20454-5', 'Negative'),
    words('UGLU', 'Glucose', '25428-4', 'Negative'),
    words('UBLD', 'Blood', '5794-3', 'Negative'),
    words('ULEU', 'Leukocyte esterase', '5799-2', 'Negative'),
    words('UNIT', 'Nitrite', '5802-4', 'Negative'),
  ]),
  single({ code: 'UACR', name: 'Urine albumin/creatinine ratio', loinc: '9318-7', specimen: urine, priceMinor: 12_00 }, 'mg/g', range(null, '30')),
  qualitative({ code: 'FOBT', name: 'Faecal occult blood', loinc: '2335-8', specimen: 'Stool', priceMinor: 6_00 }, 'Negative'),
  qualitative({ code: 'STOOL-OP', name: 'Stool ova and parasites', loinc: null, specimen: 'Stool', priceMinor: 6_00 }, 'Not seen'),
];

// The procedure catalogue, shipped as data: common outpatient and dental procedures with their
// codes and default prices in minor units of the clinic's currency. It is reference data of no
// organization (like the ICD-10 list), the same on every workstation of one version, so it needs no
// table and no sync; what an encounter performed keeps its code, name and price as charged.

export const procedureCategories = ['GENERAL', 'DENTAL'] as const;
export type ProcedureCategory = (typeof procedureCategories)[number];

/** What the doctor names besides the procedure: a tooth (FDI number), a body site, or nothing. */
export const procedureSiteKinds = ['TOOTH', 'SITE', 'NONE'] as const;
export type ProcedureSiteKind = (typeof procedureSiteKinds)[number];

export type CatalogueProcedure = {
  readonly code: string;
  readonly name: string;
  readonly category: ProcedureCategory;
  readonly site: ProcedureSiteKind;
  readonly defaultPriceMinor: number;
};

const general = (code: string, name: string, defaultPriceMinor: number, site: ProcedureSiteKind = 'NONE'): CatalogueProcedure => ({ code, name, category: 'GENERAL', site, defaultPriceMinor });
const dental = (code: string, name: string, defaultPriceMinor: number, site: ProcedureSiteKind = 'TOOTH'): CatalogueProcedure => ({ code, name, category: 'DENTAL', site, defaultPriceMinor });

export const procedureCatalogue: readonly CatalogueProcedure[] = [
  general('GEN-DRESS', 'Wound dressing', 15_00, 'SITE'),
  general('GEN-SUTURE', 'Suturing of a simple wound', 45_00, 'SITE'),
  general('GEN-SUTREM', 'Removal of sutures', 15_00, 'SITE'),
  general('GEN-ID', 'Incision and drainage of an abscess', 60_00, 'SITE'),
  general('GEN-FB', 'Removal of a superficial foreign body', 40_00, 'SITE'),
  general('GEN-NAIL', 'Partial nail avulsion', 70_00, 'SITE'),
  general('GEN-CRYO', 'Cryotherapy of a skin lesion', 35_00, 'SITE'),
  general('GEN-EXCISE', 'Excision of a small skin lesion', 90_00, 'SITE'),
  general('GEN-BURN', 'Burn dressing', 25_00, 'SITE'),
  general('GEN-SPLINT', 'Splint or slab application', 40_00, 'SITE'),
  general('GEN-CAST', 'Plaster cast application', 80_00, 'SITE'),
  general('GEN-JOINT', 'Joint injection', 55_00, 'SITE'),
  general('GEN-IM', 'Intramuscular injection', 10_00),
  general('GEN-IV', 'Intravenous cannulation', 20_00, 'SITE'),
  general('GEN-INFUS', 'Intravenous infusion, per hour', 30_00),
  general('GEN-VACC', 'Vaccine administration', 10_00),
  general('GEN-ECG', 'Electrocardiogram, 12-lead', 35_00),
  general('GEN-NEB', 'Nebulisation', 20_00),
  general('GEN-SPIRO', 'Spirometry', 40_00),
  general('GEN-GLU', 'Capillary blood glucose test', 5_00),
  general('GEN-URINE', 'Urine dipstick test', 5_00),
  general('GEN-EAR', 'Ear irrigation', 25_00, 'SITE'),
  general('GEN-CATH', 'Urinary catheterisation', 35_00),
  general('GEN-IUD', 'Intrauterine device insertion', 80_00),
  general('GEN-PAP', 'Cervical smear', 30_00),
  dental('DEN-EXAM', 'Dental examination', 25_00, 'NONE'),
  dental('DEN-XRAY', 'Intraoral radiograph', 15_00),
  dental('DEN-OPG', 'Panoramic radiograph', 45_00, 'NONE'),
  dental('DEN-SCALE', 'Scaling and polishing', 50_00, 'NONE'),
  dental('DEN-FLUOR', 'Fluoride varnish', 20_00, 'NONE'),
  dental('DEN-SEAL', 'Fissure sealant', 25_00),
  dental('DEN-FILL-1', 'Composite filling, one surface', 60_00),
  dental('DEN-FILL-2', 'Composite filling, two surfaces', 85_00),
  dental('DEN-AMAL', 'Amalgam filling', 50_00),
  dental('DEN-RCT-A', 'Root canal treatment, anterior tooth', 250_00),
  dental('DEN-RCT-M', 'Root canal treatment, molar', 400_00),
  dental('DEN-PULP', 'Pulpotomy', 90_00),
  dental('DEN-EXT', 'Simple extraction', 60_00),
  dental('DEN-SURG', 'Surgical extraction', 150_00),
  dental('DEN-CROWN', 'Porcelain crown', 600_00),
  dental('DEN-POST', 'Post and core', 150_00),
  dental('DEN-DENT-P', 'Partial denture', 450_00, 'NONE'),
  dental('DEN-BLEACH', 'Tooth whitening', 200_00, 'NONE'),
];

const byCode = new Map(procedureCatalogue.map((procedure) => [procedure.code, procedure]));

export function catalogueProcedure(code: string): CatalogueProcedure | undefined {
  return byCode.get(code);
}

export const procedureCodes = procedureCatalogue.map((procedure) => procedure.code) as [string, ...string[]];

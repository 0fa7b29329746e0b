import { procedureCatalogue, type CatalogueProcedure } from '#shared/modules/procedures/catalogue.ts';

const categoryLabels = { GENERAL: 'General', DENTAL: 'Dental' } as const;

/** The catalogue as a searchable list, grouped by category, each labelled by code and name. */
export const procedureOptions = (['GENERAL', 'DENTAL'] as const).map((category) => ({
  group: categoryLabels[category],
  items: procedureCatalogue.filter((procedure) => procedure.category === category).map((procedure) => ({ value: procedure.code, label: `${procedure.code} · ${procedure.name}` })),
}));

/** What the tooth-or-site field asks for this procedure. */
export function siteHint(procedure: CatalogueProcedure | undefined): string {
  if (procedure === undefined) return '';
  if (procedure.site === 'TOOTH') return 'Tooth number (FDI), e.g. 36';
  if (procedure.site === 'SITE') return 'Where on the body, e.g. left forearm';
  return 'Not needed for this procedure';
}

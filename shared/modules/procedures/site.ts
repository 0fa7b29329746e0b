import type { CatalogueProcedure } from './catalogue.ts';

/** FDI two-digit tooth numbers: permanent 11–48, primary 51–85. */
const fdiTooth = /^(?:[1-4][1-8]|[5-8][1-5])$/;

/** What is wrong with the tooth or site given for a procedure, or null when it will do. */
export function siteProblem(procedure: CatalogueProcedure, site: string): string | null {
  if (procedure.site === 'TOOTH' && !fdiTooth.test(site)) return `${procedure.name} needs a tooth: its FDI number, 11 to 48 or 51 to 85.`;
  if (procedure.site === 'NONE' && site !== '') return `${procedure.name} takes no tooth or site.`;
  return null;
}

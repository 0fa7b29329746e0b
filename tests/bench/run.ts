import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { BenchSuite, Figure } from './figures.ts';
import { consultationSuite } from './suites/consultation.ts';
import { foundationSuite } from './suites/foundation.ts';
import { icdSearchSuite } from './suites/icd-search.ts';
import { medicinesSuite } from './suites/medicines.ts';
import { patientSearchSuite } from './suites/patient-search.ts';
import { stockSuite } from './suites/stock.ts';
import { syncSuite } from './suites/sync.ts';

// `npm run bench [-- --json FILE] [--only NAME] [--patients N] [--sync-rows N] [--encounters N]`: prints a table of
// figures; each issue adds its suite. --patients shrinks the search register and --sync-rows the
// clinic of the first sync, for a quick run (both default to a million). The sync suite uses the
// PostgreSQL of DATABASE_URL too when it is set, in a database of its own that it drops.

const { values } = parseArgs({ options: { json: { type: 'string' }, only: { type: 'string' }, patients: { type: 'string' }, 'sync-rows': { type: 'string' }, encounters: { type: 'string' }, 'stock-products': { type: 'string' } } });
const patientCount = values.patients === undefined ? 1_000_000 : Number(values.patients);
if (!Number.isInteger(patientCount) || patientCount < 1000) throw new Error('--patients must be a whole number of at least 1000');
const syncRows = values['sync-rows'] === undefined ? 1_000_000 : Number(values['sync-rows']);
if (!Number.isInteger(syncRows) || syncRows < 20_000) throw new Error('--sync-rows must be a whole number of at least 20000');
const encounterCount = values.encounters === undefined ? 2_000_000 : Number(values.encounters);
if (!Number.isInteger(encounterCount) || encounterCount < 1000) throw new Error('--encounters must be a whole number of at least 1000');
const stockProducts = values['stock-products'] === undefined ? 300_000 : Number(values['stock-products']);
if (!Number.isInteger(stockProducts) || stockProducts < 1000) throw new Error('--stock-products must be a whole number of at least 1000');
const databaseUrl = process.env['DATABASE_URL'] === undefined || process.env['DATABASE_URL'] === '' ? undefined : process.env['DATABASE_URL'];

const suites: readonly BenchSuite[] = [foundationSuite, patientSearchSuite(patientCount), syncSuite(syncRows, databaseUrl), icdSearchSuite, medicinesSuite(), consultationSuite({ patients: patientCount, encounters: encounterCount }), stockSuite(stockProducts)];
const figures: Figure[] = [];
for (const suite of suites) {
  if (values.only !== undefined && !suite.title.toLowerCase().includes(values.only.toLowerCase())) continue;
  process.stdout.write(`Running ${suite.title}…\n`);
  figures.push(...(await suite.run()));
}

const nameWidth = Math.max(...figures.map((figure) => figure.name.length), 6);
const valueWidth = Math.max(...figures.map((figure) => String(figure.value ?? 'absent').length), 5);
process.stdout.write(`\n${'figure'.padEnd(nameWidth)}  ${'value'.padStart(valueWidth)}  unit        note\n`);
for (const figure of figures) {
  process.stdout.write(
    `${figure.name.padEnd(nameWidth)}  ${String(figure.value ?? 'absent').padStart(valueWidth)}  ${figure.unit.padEnd(10)}  ${figure.note ?? ''}\n`,
  );
}

if (values.json !== undefined) {
  const json = Object.fromEntries(figures.map((figure) => [figure.name, { value: figure.value, unit: figure.unit, ...(figure.note === undefined ? {} : { note: figure.note }) }]));
  writeFileSync(values.json, `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write(`\nFigures written to ${values.json}\n`);
}

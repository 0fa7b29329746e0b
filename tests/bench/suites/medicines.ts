import { createCore } from '#core/core.ts';
import { seededRandom } from '#core/demo/sample-names.ts';
import { checkCataloguePrescription, organizationOf } from '#core/modules/medicines/index.ts';
import { forgetKnowledgeIndex, replaceInteractions } from '#core/modules/medicines/interaction-store.ts';
import { rebuildProductSearchIndex } from '#core/modules/medicines/search-index.ts';
import { systemClock } from '#core/platform/clock.ts';
import { newId } from '#core/platform/ids.ts';
import type { ClinicId } from '#shared/domain/ids.ts';
import { drugClasses } from '#shared/modules/medicines/knowledge/drug-classes.ts';
import type { InteractionRecord } from '#shared/modules/medicines/knowledge/interaction-record.ts';
import { starterInteractions } from '#shared/modules/medicines/knowledge/starter-interactions.ts';
import { adminAccount, sampleClinic } from '#tests/support/core-harness.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { percentile, round, type BenchSuite, type Figure } from '../figures.ts';

// BENCH_MEDICINE_PRODUCTS shrinks the catalogue for a quick run.
const PRODUCTS = Number(process.env['BENCH_MEDICINE_PRODUCTS'] ?? 300_000);
const INGREDIENTS = 20_000;
const PAIRS = 100_000;
const CHECKS = 500;
const QUERIES = 600;
const severities = ['MINOR', 'MODERATE', 'SEVERE', 'CONTRAINDICATED'] as const;
const syllables = ['am', 'lo', 'di', 'pine', 'ce', 'fa', 'lex', 'in', 'war', 'fa', 'rin', 'ome', 'pra', 'zole', 'met', 'for', 'min', 'ator', 'va', 'sta', 'tin', 'clo', 'pi', 'do', 'grel', 'ser', 'tra', 'line', 'bi', 'so', 'pro', 'lol', 'xa', 'ban', 'cil', 'mab'];

function wordOf(random: () => number, parts: number): string {
  let word = '';
  for (let index = 0; index < parts; index += 1) word += syllables[Math.floor(random() * syllables.length)] ?? 'a';
  return word;
}

/** A chain's catalogue of 300,000 products and a knowledge base of 100,000 interaction pairs. */
export function medicinesSuite(): BenchSuite {
  return {
    title: 'Medicines: catalogue search and prescribing checks',
    run: async () => {
      const temp = makeTempDir('clinic-bench-medicines-');
      try {
        const core = await createCore({ dataDir: temp.path, clock: systemClock, deviceName: 'bench', appVersion: 'bench' });
        const setup = await core.dispatch({ call: 'setup.createClinic', input: { clinic: sampleClinic, admin: adminAccount }, token: null });
        if (!setup.ok) throw new Error(setup.error.message);
        const { token, activeClinic } = setup.result as { token: string; activeClinic: { clinicId: ClinicId } };
        const { sqlite, db } = core.database;
        const organizationId = organizationOf(db, activeClinic.clinicId);
        const random = seededRandom(34);
        const ingredients = Array.from({ length: INGREDIENTS }, (_, index) => `${wordOf(random, 3)}${String(index)}`);
        const insert = sqlite.prepare(
          `insert into medicine_products (id, organization_id, kind, generic_name, brand_name, strength_text, ingredients, atc_code, created_at, updated_at) values (?, ?, 'MEDICINE', ?, ?, ?, ?, ?, ?, ?)`,
        );
        const productIds: string[] = [];
        const names: string[] = [];
        const now = new Date().toISOString();
        const loadStarted = process.hrtime.bigint();
        sqlite.transaction(() => {
          for (let index = 0; index < PRODUCTS; index += 1) {
            const ingredient = ingredients[index % INGREDIENTS] ?? 'x';
            const second = random() < 0.2 ? [ingredients[Math.floor(random() * INGREDIENTS)] ?? 'y'] : [];
            const drugClass = drugClasses[Math.floor(random() * drugClasses.length)];
            const generic = `${ingredient[0]?.toUpperCase() ?? ''}${ingredient.slice(1)}`;
            const brand = `${wordOf(random, 2)}${random() < 0.5 ? ' Forte' : ''}`;
            const id = newId();
            insert.run(id, organizationId, generic, brand, `${String(5 * (1 + Math.floor(random() * 100)))} mg`, JSON.stringify([ingredient, ...second].map((name) => ({ name, strength: '' }))), drugClass?.atcPrefixes[0] ?? '', now, now);
            productIds.push(id);
            if (index % 499 === 0) names.push(generic, brand);
          }
        })();
        const loadSeconds = Number(process.hrtime.bigint() - loadStarted) / 1e9;
        process.stdout.write(`  ${PRODUCTS.toLocaleString('en')} products loaded in ${loadSeconds.toFixed(1)} s\n`);
        const indexStarted = process.hrtime.bigint();
        rebuildProductSearchIndex(sqlite);
        const indexSeconds = Number(process.hrtime.bigint() - indexStarted) / 1e9;
        process.stdout.write(`  name index rebuilt in ${indexSeconds.toFixed(1)} s\n`);

        // What a counter types: the start of a name, a part from its middle, a brand.
        const queries = Array.from({ length: QUERIES }, (_, index) => {
          const name = (names[Math.floor(random() * names.length)] ?? 'amlo').toLowerCase();
          if (index % 3 === 0) return name.slice(0, 3);
          if (index % 3 === 1) return name.slice(2, 7);
          return name.slice(0, 6);
        });
        for (const query of queries.slice(0, 50)) await core.dispatch({ call: 'medicines.search', input: { query }, token });
        const searches: number[] = [];
        for (const query of queries) {
          const started = process.hrtime.bigint();
          const outcome = await core.dispatch({ call: 'medicines.search', input: { query }, token });
          searches.push(Number(process.hrtime.bigint() - started) / 1e6);
          if (!outcome.ok) throw new Error(outcome.error.message);
        }

        process.stdout.write(`  ${String(QUERIES)} searches done\n`);
        const concept = (): Pick<InteractionRecord, 'firstKind' | 'firstName'> =>
          random() < 0.9 ? { firstKind: 'INGREDIENT', firstName: ingredients[Math.floor(random() * INGREDIENTS)] ?? 'x' } : { firstKind: 'CLASS', firstName: drugClasses[Math.floor(random() * drugClasses.length)]?.name ?? 'nsaids' };
        const pairs: InteractionRecord[] = [...starterInteractions];
        while (pairs.length < PAIRS) {
          const first = concept();
          const second = concept();
          pairs.push({ ...first, secondKind: second.firstKind, secondName: second.firstName, severity: severities[Math.floor(random() * severities.length)] ?? 'MINOR', effect: 'A made-up interaction for the benchmark.', advice: 'None.', source: 'bench' });
        }
        db.transaction((tx) => replaceInteractions(tx, pairs));
        forgetKnowledgeIndex(db);
        const pick = () => productIds[Math.floor(random() * productIds.length)] ?? '';
        const request = () => ({
          items: Array.from({ length: 5 }, () => ({ productId: pick(), dose: { amount: 500, unit: 'mg' as const }, timesPerDay: 3 })),
          currentProductIds: Array.from({ length: 10 }, pick),
          allergies: [{ substance: 'Penicillin (rash)', severity: 'MODERATE' as const }, { substance: ingredients[7] ?? '', severity: 'SEVERE' as const }],
        });
        process.stdout.write(`  ${PAIRS.toLocaleString('en')} interaction pairs stored\n`);
        const indexBuild = process.hrtime.bigint();
        checkCataloguePrescription(db, organizationId, request());
        const knowledgeLoadMs = Number(process.hrtime.bigint() - indexBuild) / 1e6;
        const checks: number[] = [];
        let alerts = 0;
        for (let index = 0; index < CHECKS; index += 1) {
          const next = request();
          const started = process.hrtime.bigint();
          alerts += checkCataloguePrescription(db, organizationId, next).length;
          checks.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        await core.close();
        return [
          { name: 'medicine_search_p50_ms', value: round(percentile(searches, 0.5), 2), unit: 'ms', note: `${String(QUERIES)} queries (starts, middles, brands) over ${PRODUCTS.toLocaleString('en')} products, through the call` },
          { name: 'medicine_search_p95_ms', value: round(percentile(searches, 0.95), 2), unit: 'ms', note: '' },
          { name: 'medicine_load_rows_per_s', value: round(PRODUCTS / loadSeconds, 0), unit: 'rows/s', note: 'inserting products with the name index kept by triggers' },
          { name: 'medicine_index_build_s', value: round(indexSeconds, 2), unit: 's', note: 'rebuilding the trigram name index from the table' },
          { name: 'rx_check_p50_ms', value: round(percentile(checks, 0.5), 3), unit: 'ms', note: `5 medicines against 10 current and 2 allergies, ${PAIRS.toLocaleString('en')} pairs; ${String(alerts)} alerts over ${String(CHECKS)} checks` },
          { name: 'rx_check_p95_ms', value: round(percentile(checks, 0.95), 3), unit: 'ms', note: 'goal: at most 5 ms; products read from the catalogue each time' },
          { name: 'rx_knowledge_load_ms', value: round(knowledgeLoadMs, 0), unit: 'ms', note: 'reading 100,000 pairs into the in-memory index, once per workstation start or import' },
        ] satisfies Figure[];
      } finally {
        temp.remove();
      }
    },
  };
}

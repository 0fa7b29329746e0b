import { statSync } from 'node:fs';
import { createCore } from '#core/core.ts';
import { samplePersonName, seededRandom } from '#core/demo/sample-names.ts';
import { reversedPhoneDigits } from '#core/modules/patients/patient-values.ts';
import { rebuildPatientSearchIndex } from '#core/modules/patients/search/rebuild-index.ts';
import { systemClock } from '#core/platform/clock.ts';
import { newId } from '#core/platform/ids.ts';
import { databaseFileIn } from '#core/platform/paths.ts';
import { adminAccount, sampleClinic } from '#tests/support/core-harness.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';
import { percentile, round, type BenchSuite, type Figure } from '../figures.ts';

const QUERIES = 600;

type Person = { givenName: string; familyName: string; phone: string; mrn: string; birth: string };

/** One edit a hurried typist makes: a swapped, doubled or dropped letter. */
function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * Math.max(1, word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
  if (kind === 1) return word.slice(0, at) + (word[at] ?? '') + word.slice(at);
  return word.slice(0, at) + word.slice(at + 1);
}

/** What a front desk types: parts of names in either order, whole names with a typo, phones written any way, record numbers. */
function realisticQueries(people: readonly Person[], random: () => number): string[] {
  const queries: string[] = [];
  for (let index = 0; index < QUERIES; index += 1) {
    const person = people[Math.floor(random() * people.length)];
    if (person === undefined) continue;
    const given = person.givenName.toLowerCase();
    const family = person.familyName.toLowerCase();
    switch (index % 8) {
      case 0:
        queries.push(given.slice(0, 3));
        break;
      case 1:
        queries.push(family);
        break;
      case 2:
        queries.push(`${given.slice(0, 4)} ${family.slice(0, 3)}`);
        break;
      case 3:
        queries.push(`${family} ${given.slice(0, 2)}`);
        break;
      case 4:
        queries.push(`${typo(given, random)} ${family}`);
        break;
      case 5:
        queries.push(`${person.phone.slice(0, 5)} ${person.phone.slice(5)}`);
        break;
      case 6:
        queries.push(person.phone.slice(-6));
        break;
      default:
        queries.push(person.mrn.toLowerCase());
    }
  }
  return queries;
}

/** A register of N patients in one clinic, searched the way the front desk searches. */
export function patientSearchSuite(patientCount: number): BenchSuite {
  const millions = patientCount / 1_000_000;
  const suffix = patientCount === 1_000_000 ? '1m' : String(patientCount);
  return {
    title: `Patient search (${patientCount.toLocaleString('en')} patients)`,
    run: async () => {
      const temp = makeTempDir('clinic-bench-search-');
      try {
        const core = await createCore({ dataDir: temp.path, clock: systemClock, deviceName: 'bench', appVersion: 'bench' });
        const setup = await core.dispatch({ call: 'setup.createClinic', input: { clinic: sampleClinic, admin: adminAccount }, token: null });
        if (!setup.ok) throw new Error(setup.error.message);
        const { token, activeClinic } = setup.result as { token: string; activeClinic: { clinicId: string } };
        const { sqlite } = core.database;
        const insert = sqlite.prepare(
          `insert into patients (id, mrn, registered_clinic_id, given_name, family_name, sex, birth_date, phone, phone_digits_reversed, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        const random = seededRandom(2026);
        const sample: Person[] = [];
        const now = new Date().toISOString();
        const loadStarted = process.hrtime.bigint();
        sqlite.transaction(() => {
          for (let index = 0; index < patientCount; index += 1) {
            const { givenName, familyName } = samplePersonName(random);
            const phone = `07${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
            const birth = `${String(1930 + Math.floor(random() * 90))}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
            const mrn = `RFC01-M${String(1001 + index)}`;
            insert.run(newId(), mrn, activeClinic.clinicId, givenName, familyName, random() < 0.5 ? 'FEMALE' : 'MALE', birth, phone, reversedPhoneDigits(phone), now, now);
            if (index % 997 === 0) sample.push({ givenName, familyName, phone, mrn, birth });
          }
        })();
        const loadSeconds = Number(process.hrtime.bigint() - loadStarted) / 1e9;

        const buildStarted = process.hrtime.bigint();
        rebuildPatientSearchIndex(sqlite);
        const buildSeconds = Number(process.hrtime.bigint() - buildStarted) / 1e9;
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
        const sizeMb = statSync(databaseFileIn(temp.path)).size / 1e6;

        const queries = realisticQueries(sample, random);
        for (const query of queries.slice(0, 100)) await core.dispatch({ call: 'patients.search', input: { query }, token });
        const latencies: number[] = [];
        let found = 0;
        for (const query of queries) {
          const started = process.hrtime.bigint();
          const outcome = await core.dispatch({ call: 'patients.search', input: { query }, token });
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
          if (outcome.ok && (outcome.result as { results: unknown[] }).results.length > 0) found += 1;
        }
        // The check a registration makes as the desk types: someone of that phone, or of a similar
        // name born that day, already here?
        const checks: number[] = [];
        for (const person of sample.slice(0, 300)) {
          const started = process.hrtime.bigint();
          const outcome = await core.dispatch({ call: 'patients.findDuplicates', input: { givenName: person.givenName, familyName: person.familyName, birthDate: person.birth, phone: person.phone }, token });
          checks.push(Number(process.hrtime.bigint() - started) / 1e6);
          if (!outcome.ok) throw new Error(outcome.error.message);
        }
        await core.close();
        const figures: Figure[] = [
          { name: 'patient_search_p50_ms', value: round(percentile(latencies, 0.5), 2), unit: 'ms', note: `${String(queries.length)} queries: name parts, typos, phones, record numbers; ${String(found)} found someone` },
          { name: 'patient_search_p95_ms', value: round(percentile(latencies, 0.95), 2), unit: 'ms', note: 'goal: at most 10 ms' },
          { name: 'duplicate_check_p50_ms', value: round(percentile(checks.slice(20), 0.5), 2), unit: 'ms', note: `${String(checks.length - 20)} registrations checked for the same phone, or a similar name born the same day` },
          { name: 'duplicate_check_p95_ms', value: round(percentile(checks.slice(20), 0.95), 2), unit: 'ms', note: '' },
          { name: `patient_db_mb_${suffix}`, value: round(sizeMb, 1), unit: 'MB', note: `${String(millions)} M patients with the name index` },
          { name: `patient_index_build_s_${suffix}`, value: round(buildSeconds, 2), unit: 's', note: 'rebuilding the name index from the table' },
          { name: `patient_load_rows_per_s_${suffix}`, value: round(patientCount / loadSeconds, 0), unit: 'rows/s', note: 'inserting patients with the index kept by triggers' },
        ];
        return figures;
      } finally {
        temp.remove();
      }
    },
  };
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '#core/db/open.ts';
import { newId } from '#core/platform/ids.ts';
import { backupsDirIn, databaseFileIn, sourcePaths } from '#core/platform/paths.ts';
import { applyFeedPage } from '#core/sync/apply.ts';
import { setTriggersAside } from '#core/sync/bulk-triggers.ts';
import { patientInput, setUpClinic, startHarness, START_MS, type Harness } from '#tests/support/core-harness.ts';
import { patientChange as change, registeredPatientRow } from '#tests/support/feed-changes.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';

// A page of the hub's changes indexes its patients by name once, at the page's end (migration
// 0013): a patient it brings, renames or merges is found as the page leaves them, and only so.

describe('patient search after a page of the hub’s changes', () => {
  let harness: Harness;
  let admin: string;
  beforeEach(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
  });
  afterEach(() => harness.close());

  const search = async (query: string): Promise<string[]> => (await harness.call('patients.search', { query }, admin)).results.map((patient) => `${patient.givenName} ${patient.familyName}`).sort();

  it('finds the patients a page brought, renamed and merged under their new names only', async () => {
    const { id: here, row: template } = await registeredPatientRow(harness, admin, { givenName: 'Mira', familyName: 'Okafor', phone: '+44 7700 900111' });
    const merged = await harness.call('patients.register', { ...patientInput({ givenName: 'Bodo', familyName: 'Lindqvist', phone: '+44 7700 900222' }), notADuplicate: false }, admin);
    const { sqlite } = harness.core.database;
    const arriving = newId();
    const mergedAway = newId();
    const page = [
      change('insert', arriving, { ...template, id: arriving, mrn: 'RFC01-M9001', given_name: 'Tomasz', family_name: 'Wrobel', phone: '+44 7700 900333', phone_digits_reversed: '333009007744' }, 1),
      // Renamed by the same page that brought them: found as the page leaves them.
      change('update', arriving, { family_name: 'Wróblewski' }, 2),
      change('update', here, { family_name: 'Adeyemi' }, 3),
      change('update', merged.id, { merged_into_id: here }, 4),
      // Brought already merged into another: never listed.
      change('insert', mergedAway, { ...template, id: mergedAway, mrn: 'RFC01-M9002', given_name: 'Quentin', family_name: 'Marlowe', merged_into_id: here }, 5),
    ];

    const applied = sqlite.transaction(() => applyFeedPage(sqlite, page, harness.core.identity.deviceId, { careful: false, nowIso: new Date(START_MS).toISOString() }))();

    // One applied row for each patient the page touched, however many changes it brought for each.
    expect(applied).toHaveLength(4);
    expect(await search('tomasz')).toEqual(['Tomasz Wróblewski']);
    expect(await search('wrobel')).toEqual([]);
    expect(await search('wroblewski')).toEqual(['Tomasz Wróblewski']);
    expect(await search('mira')).toEqual(['Mira Adeyemi']);
    expect(await search('okafor')).toEqual([]);
    expect(await search('lindqvist')).toEqual([]);
    expect(await search('marlowe')).toEqual([]);
    expect(sqlite.prepare(`select count(*) from patient_search_pending`).pluck().get()).toBe(0);
    // Each listed patient is in the index once.
    expect(sqlite.prepare(`select count(*) from patient_name_fts where patient_name_fts match 'mira OR tomasz'`).pluck().get()).toBe(2);
  });

  it('indexes nothing that a page rolled back', async () => {
    const { sqlite } = harness.core.database;
    const here = await harness.call('patients.register', { ...patientInput({ givenName: 'Ines', familyName: 'Barros' }), notADuplicate: false }, admin);
    const page = [change('update', here.id, { family_name: 'Cardoso' }, 1)];
    expect(() =>
      sqlite.transaction(() => {
        applyFeedPage(sqlite, page, harness.core.identity.deviceId, { careful: false, nowIso: new Date(START_MS).toISOString() });
        throw new Error('the page failed after applying');
      })(),
    ).toThrow('the page failed after applying');
    expect(await search('barros')).toEqual(['Ines Barros']);
    expect(await search('cardoso')).toEqual([]);
    expect(sqlite.prepare(`select count(*) from patient_search_pending`).pluck().get()).toBe(0);
  });
});

describe('the page indexing on a database whose first sync was cut off before the upgrade', () => {
  const temp = makeTempDir();
  afterEach(() => temp.remove());

  it('upgrades with the triggers set aside, then keeps the new ones and finds patients both ways', async () => {
    const old = await openDatabase({ file: databaseFileIn(temp.path), migrationsDir: sourcePaths.sqliteMigrations, backupsDir: backupsDirIn(temp.path), nowMs: START_MS, upTo: '0012_outbox_push_numbers' });
    setTriggersAside(old.sqlite);
    expect(old.sqlite.prepare(`select count(*) from sqlite_master where type = 'trigger' and name like 'patients_search_%'`).pluck().get()).toBe(0);
    old.sqlite.close();

    const harness = await startHarness(temp.path);
    try {
      const { sqlite } = harness.core.database;
      const triggers = sqlite.prepare(`select name, sql from sqlite_master where type = 'trigger' and name like 'patients_search_%' order by name`).all() as { name: string; sql: string }[];
      expect(triggers.map((trigger) => trigger.name)).toEqual(['patients_search_insert', 'patients_search_insert_applying', 'patients_search_update', 'patients_search_update_applying']);
      expect(triggers.find((trigger) => trigger.name === 'patients_search_insert')?.sql).toContain('NOT IN (2, 3)');
      expect(sqlite.prepare(`select count(*) from local_meta where key = 'bulk_load_triggers'`).pluck().get()).toBe(0);

      const admin = await setUpClinic(harness);
      const { row: template } = await registeredPatientRow(harness, admin, { givenName: 'Farah', familyName: 'Haddad' });
      const arriving = newId();
      const page = [change('insert', arriving, { ...template, id: arriving, mrn: 'RFC01-M9003', given_name: 'Goran', family_name: 'Petrovic', phone: '+44 7700 900444', phone_digits_reversed: '444009007744' }, 0)];
      sqlite.transaction(() => applyFeedPage(sqlite, page, harness.core.identity.deviceId, { careful: false, nowIso: new Date(START_MS).toISOString() }))();
      const found = async (query: string): Promise<string[]> => (await harness.call('patients.search', { query }, admin)).results.map((patient) => patient.familyName);
      expect(await found('farah')).toEqual(['Haddad']);
      expect(await found('goran')).toEqual(['Petrovic']);
    } finally {
      await harness.close();
    }
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '#core/platform/ids.ts';
import { applyFeedPage, inPageTransaction, type AppliedRow } from '#core/sync/apply.ts';
import type { FeedChange } from '#shared/sync/protocol.ts';
import { setUpClinic, startHarness, START_MS, type Harness } from '#tests/support/core-harness.ts';
import { otherDeskStamp as stamp, patientChange as change, registeredPatientRow } from '#tests/support/feed-changes.ts';

// A page writes each row once, as it stands after the page's last change to it; that must be the
// row that applying the changes one at a time gives, in every case a merge decides.

type Rows = { patients: unknown[]; parked: unknown[] };

describe('a page of the hub’s changes, each row written once', () => {
  let harness: Harness;
  let admin: string;
  beforeEach(async () => {
    harness = await startHarness();
    admin = await setUpClinic(harness);
  });
  afterEach(() => harness.close());

  const nowIso = new Date(START_MS).toISOString();

  function rowsNow(): Rows {
    const { sqlite } = harness.core.database;
    // Stored JSON is compared as what it says, not by the order of its keys.
    const patients = sqlite.prepare(`select * from patients order by id`).all() as { sync_clock: string }[];
    const parked = sqlite.prepare(`select tbl, row_id, data, clock from sync_parked order by tbl, row_id`).all() as { data: string; clock: string }[];
    return {
      patients: patients.map((patient) => ({ ...patient, sync_clock: JSON.parse(patient.sync_clock) as unknown })),
      parked: parked.map((row) => ({ ...row, data: JSON.parse(row.data) as unknown, clock: JSON.parse(row.clock) as unknown })),
    };
  }

  /** The page applied as the pull applies it, and then change by change, each as a page of its own; the database is left as it was. */
  function appliedBothWays(page: readonly FeedChange[]): { whole: Rows; wholeApplied: AppliedRow[]; oneByOne: Rows } {
    const { sqlite } = harness.core.database;
    const deviceId = harness.core.identity.deviceId;
    const rolledBack = new Error('rolled back');
    let whole: Rows = { patients: [], parked: [] };
    let wholeApplied: AppliedRow[] = [];
    let oneByOne: Rows = { patients: [], parked: [] };
    expect(() =>
      sqlite.transaction(() => {
        inPageTransaction(sqlite, nowIso, (mode) => {
          wholeApplied = applyFeedPage(sqlite, page, deviceId, mode);
        });
        whole = rowsNow();
        throw rolledBack;
      })(),
    ).toThrow(rolledBack);
    expect(() =>
      sqlite.transaction(() => {
        for (const single of page) inPageTransaction(sqlite, nowIso, (mode) => applyFeedPage(sqlite, [single], deviceId, mode));
        oneByOne = rowsNow();
        throw rolledBack;
      })(),
    ).toThrow(rolledBack);
    return { whole, wholeApplied, oneByOne };
  }

  const template = (): ReturnType<typeof registeredPatientRow> => registeredPatientRow(harness, admin, { givenName: 'Mira', familyName: 'Okafor', phone: '+44 7700 900111' });

  it('gives the rows that the changes applied one at a time give, once each', async () => {
    const { id: here, row } = await template();
    const arriving = newId();
    const onlyUpdated = newId();
    const page = [
      change('insert', arriving, { ...row, id: arriving, mrn: 'RFC01-M9001', given_name: 'Tomasz', family_name: 'Wrobel' }, 1),
      change('update', here, { family_name: 'Adeyemi' }, 2),
      change('update', arriving, { family_name: 'Wróblewski', phone: '+44 7700 900333' }, 3),
      // Made earlier elsewhere: the later name above stays, the notes it alone changed go in.
      change('update', arriving, { family_name: 'Earlier', notes: 'allergic to latex' }, 3, { family_name: stamp(0), notes: stamp(4) }),
      change('update', here, { phone: '+44 7700 900444' }, 5),
      change('update', here, { family_name: 'Adeyemi-Okafor' }, 6),
      // Changes to a row this workstation has not got wait aside together.
      change('update', onlyUpdated, { given_name: 'Ada' }, 7),
      change('update', onlyUpdated, { family_name: 'Byron' }, 8),
    ];

    const { whole, wholeApplied, oneByOne } = appliedBothWays(page);

    expect(whole).toEqual(oneByOne);
    expect(wholeApplied).toEqual([
      { table: 'patients', id: arriving, inserted: true },
      { table: 'patients', id: here, inserted: false },
    ]);
    expect(whole.parked).toHaveLength(1);
    const arrived = whole.patients.find((patient) => (patient as { id: string }).id === arriving);
    expect(arrived).toMatchObject({ family_name: 'Wróblewski', phone: '+44 7700 900333', notes: 'allergic to latex' });
  });

  it('applies the page change by change when a row written once clashes on a unique value', async () => {
    const { id: here, row } = await template();
    const clashing = newId();
    const other = newId();
    const takenMrn = String(row.mrn);
    const page = [
      change('insert', clashing, { ...row, id: clashing, mrn: takenMrn, given_name: 'Tomasz', family_name: 'Wrobel' }, 1),
      change('insert', other, { ...row, id: other, mrn: 'RFC01-M9002', given_name: 'Quentin', family_name: 'Marlowe' }, 2),
      change('update', clashing, { family_name: 'Wróblewski' }, 3),
      change('update', here, { notes: 'seen' }, 4),
    ];

    const { whole, wholeApplied, oneByOne } = appliedBothWays(page);

    expect(whole).toEqual(oneByOne);
    // The clashing row waits aside with both its changes; the others are in.
    expect(whole.parked).toEqual([expect.objectContaining({ tbl: 'patients', row_id: clashing })]);
    expect((whole.parked[0] as { data: unknown }).data).toMatchObject({ mrn: takenMrn, family_name: 'Wróblewski' });
    expect(wholeApplied.map((applied) => applied.id)).toEqual([other, here]);
  });
});

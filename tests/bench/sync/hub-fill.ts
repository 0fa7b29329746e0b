import type { HubDb } from '#hub/db/hub-db.ts';

// Fills a hub with a clinic's history straight in SQL, the fastest honest way: each row is what
// the hub holds after a workstation pushed it (the mirror row with its clock, the clinic that
// sees it, and the insert in the change feed with the pushing device as its origin).

/** Rows per patient: the patient, three appointments, each booking's event and its queue token. */
export const ROWS_PER_PATIENT = 10;

/** Changes per feed entry, as a push of the sync client's batch size writes them. */
const FEED_ENTRY_CHANGES = 2_000;

const tableTag = { patients: 1, appointments: 2, appointment_events: 3, queue_entries: 4 } as const;
type FilledTable = keyof typeof tableTag;

/** A UUID-shaped id, ordered by n within a table, as the SQL below makes it. */
export function benchId(table: FilledTable, n: number): string {
  return `01900000-0000-7000-800${String(tableTag[table])}-${n.toString(16).padStart(12, '0')}`;
}

function idSql(table: FilledTable, expression: string): string {
  return `'01900000-0000-7000-800${String(tableTag[table])}-' || lpad(to_hex(${expression}), 12, '0')`;
}

const givenNames = ['Amelia', 'Oliver', 'Isla', 'George', 'Ava', 'Noah', 'Mia', 'Arthur', 'Priya', 'Mohammed', 'Grace', 'Leo', 'Freya', 'Oscar', 'Lily', 'Harry', 'Sofia', 'Jack', 'Aisha', 'Theo', 'Chloe', 'Ravi', 'Ella', 'Tomasz'];
const familyNames = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Khan', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Nowak', 'Hughes', 'Green', 'Hall', 'Wood', 'Clarke', 'Singh', 'Lewis', 'Murphy'];

function pgArray(values: readonly string[]): string {
  return `array[${values.map((value) => `'${value}'`).join(', ')}]`;
}

const iso = (expression: string): string => `to_char(${expression}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export type FillTarget = {
  readonly clinicId: string;
  readonly clinicCode: string;
  /** Who booked the generated appointments and recorded their events. */
  readonly userId: string;
  /** The doctors the appointments are shared among. */
  readonly doctorIds: readonly string[];
  /** The device the rows came from, as if it had pushed them. */
  readonly originDeviceId: string;
  readonly hlc: string;
  readonly createdAt: string;
};

/** Adds the history of patients [from, to) of the clinic; returns how many rows were added. */
export async function fillHub(db: HubDb, target: FillTarget, from: number, to: number): Promise<number> {
  const { clinicId, clinicCode, userId, doctorIds, originDeviceId, hlc, createdAt } = target;
  const doctors = doctorIds.length;
  // Each doctor sees a patient every 20 minutes, back to back, so no booking overlaps another.
  const startOf = (j: string): string => `(timestamp '1990-01-01 09:00' + (${j} / ${String(doctors)}) * interval '20 minutes')`;
  const aFrom = from * 3;
  const aTo = to * 3 - 1;
  const clock = `jsonb_build_object('*', '${hlc}'::text)`;
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into patients (id, mrn, registered_clinic_id, given_name, family_name, sex, birth_date, birth_date_estimated, phone, phone_digits_reversed, email, address, postal_code, national_id, emergency_contact_name, emergency_contact_phone, notes, merged_into_id, created_at, updated_at, deleted_at, sync_clock)
       select ${idSql('patients', 'i')}, $2 || '-M' || (1000000 + i), $1, (${pgArray(givenNames)})[1 + i % 24], (${pgArray(familyNames)})[1 + (i / 24) % 24],
         case when i % 2 = 0 then 'FEMALE' else 'MALE' end, to_char(date '1935-01-01' + ((i * 37) % 30000)::int, 'YYYY-MM-DD'), 0,
         '07' || lpad(((i * 7919) % 1000000000)::text, 9, '0'), reverse('07' || lpad(((i * 7919) % 1000000000)::text, 9, '0')),
         '', (1 + i % 400) || ' Quay Street, Bristol', 'BS1 ' || (i % 9) || 'QA', '', '', '', '', null, $3, $3, null, ${clock}
       from generate_series($4::bigint, $5::bigint) i`,
      [clinicId, clinicCode, createdAt, from, to - 1],
    );
    await tx.query(
      `insert into appointments (id, clinic_id, reference, patient_id, doctor_user_id, start_at, end_at, type, reason, notes, status, cancel_reason, booked_by_user_id, created_at, updated_at, deleted_at, sync_clock)
       select ${idSql('appointments', 'j')}, $1, $2 || '-A' || (1000000 + j), ${idSql('patients', 'j / 3')}, ($7::text[])[1 + j % ${String(doctors)}],
         ${iso(startOf('j'))}, ${iso(`${startOf('j')} + interval '15 minutes'`)}, 'IN_PERSON', 'Review', '', 'COMPLETED', '', $3, $4, $4, null, ${clock}
       from generate_series($5::bigint, $6::bigint) j`,
      [clinicId, clinicCode, userId, createdAt, aFrom, aTo, doctorIds],
    );
    await tx.query(
      `insert into appointment_events (id, appointment_id, at, kind, user_id, from_start_at, to_start_at, note, created_at, sync_clock)
       select ${idSql('appointment_events', 'j')}, ${idSql('appointments', 'j')}, $2, 'BOOKED', $1, null, null, '', $2, ${clock}
       from generate_series($3::bigint, $4::bigint) j`,
      [userId, createdAt, aFrom, aTo],
    );
    await tx.query(
      `insert into queue_entries (id, clinic_id, service_date, token, token_series, token_number, patient_id, appointment_id, doctor_user_id, priority, status, room, arrived_at, called_at, started_at, finished_at, created_at, updated_at, deleted_at, sync_clock)
       select ${idSql('queue_entries', 'j')}, $1, to_char(${startOf('j')}, 'YYYY-MM-DD'), 'A' || (1 + j % 200), 'A', 1 + j % 200, ${idSql('patients', 'j / 3')}, ${idSql('appointments', 'j')}, ($5::text[])[1 + j % ${String(doctors)}],
         'GREEN', 'DONE', 'Room 1', ${iso(`${startOf('j')} - interval '10 minutes'`)}, ${iso(startOf('j'))}, ${iso(startOf('j'))}, ${iso(`${startOf('j')} + interval '15 minutes'`)}, $2, $2, null, ${clock}
       from generate_series($3::bigint, $4::bigint) j`,
      [clinicId, createdAt, aFrom, aTo, doctorIds],
    );
    const ranges: [FilledTable, number, number][] = [
      ['patients', from, to - 1],
      ['appointments', aFrom, aTo],
      ['appointment_events', aFrom, aTo],
      ['queue_entries', aFrom, aTo],
    ];
    for (const [table, low, high] of ranges) {
      await tx.query(`insert into hub_row_clinics (clinic_id, tbl, row_id) select $1, $2, id from ${table} where id between $3 and $4`, [clinicId, table, benchId(table, low), benchId(table, high)]);
      // The feed as pushes leave it: entries of a push's worth of changes each.
      await tx.query(
        `insert into hub_feed (clinic_id, origin, changes, change_count, fingerprint)
         select $1, $6::uuid, json_agg(json_build_object('table', $2::text, 'id', m.id, 'kind', 'insert', 'columns', to_jsonb(m) - 'sync_clock' - 'entry', 'hlc', $5::text, 'clock', null) order by m.id), count(*),
           substr(encode(sha256(convert_to($6::text, 'UTF8') || '\\x00'::bytea || convert_to(min(m.id), 'UTF8') || '\\x00'::bytea || convert_to($5::text, 'UTF8')), 'hex'), 1, 12)
         from (select t.*, (row_number() over (order by t.id) - 1) / ${String(FEED_ENTRY_CHANGES)} as entry from ${table} t where t.id between $3 and $4) m
         group by m.entry order by m.entry`,
        [clinicId, table, benchId(table, low), benchId(table, high), hlc, originDeviceId],
      );
    }
  });
  // A hub holding this history would have been vacuumed long since. Without this, PostgreSQL's
  // own autovacuum starts on the freshly loaded tables a minute later, on one of the machine's two
  // cores, in the middle of whatever is being measured then.
  await db.query('vacuum analyze');
  return (to - from) * ROWS_PER_PATIENT;
}

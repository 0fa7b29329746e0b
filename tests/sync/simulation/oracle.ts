import { appointmentStatusRanks } from '#shared/modules/appointments/sync-tables.ts';
import { encounterStatusRanks } from '#shared/modules/consultation/sync-tables.ts';
import { queueStatusRanks } from '#shared/modules/queue/sync-tables.ts';
import type { HubService } from '#hub/hub-service.ts';

type StatusTable = 'appointments' | 'queue_entries' | 'encounters';
const STATUS_TABLES = ['appointments', 'queue_entries', 'encounters'] as const satisfies readonly StatusTable[];
type EditedColumn = 'phone' | 'email' | 'notes';

const RANKS: Record<StatusTable, Readonly<Record<string, number>>> = { appointments: appointmentStatusRanks, queue_entries: queueStatusRanks, encounters: encounterStatusRanks };

/**
 * What must be true after the simulation besides every replica agreeing with the hub: what the
 * desks were told happened. Agreement alone would pass if every replica lost the same edit or
 * moved the same status backwards.
 */
export class Oracle {
  /** Rows a desk was told it created. */
  readonly #created: { table: string; id: string }[] = [];
  /** The highest status each row was told it reached. */
  readonly #highest = new Map<string, { table: StatusTable; status: string }>();
  /** Every edit a desk was told it saved: the value it saw before, and the one it wrote. */
  readonly #edits: { patientId: string; column: EditedColumn; before: string; after: string }[] = [];
  /** Every status some desk set, per table. */
  readonly #statusesSet: Record<StatusTable, Set<string>> = { appointments: new Set(), queue_entries: new Set(), encounters: new Set() };
  /** What each note said when a desk signed it: signed notes never change again. */
  readonly #signed = new Map<string, string>();
  #uniqueValues = 0;

  /** A value no other edit writes, so the final value names the edit that won. */
  uniqueValue(prefix: string): string {
    this.#uniqueValues += 1;
    return `${prefix}${String(this.#uniqueValues)}`;
  }

  created(table: string, id: string): void {
    this.#created.push({ table, id });
  }

  reached(table: StatusTable, id: string, status: string): void {
    this.#statusesSet[table].add(status);
    const seen = this.#highest.get(id);
    if (seen === undefined || (RANKS[table][status] ?? -1) > (RANKS[table][seen.status] ?? -1)) this.#highest.set(id, { table, status });
  }

  signed(noteId: string, subjective: string): void {
    this.#signed.set(noteId, subjective);
  }

  edited(patientId: string, column: EditedColumn, before: string, after: string): void {
    this.#edits.push({ patientId, column, before, after });
  }

  /** What the run exercised, so a run that never reached a status or an edit shows it. */
  coverage(): { created: number; edits: number; signedNotes: number; statuses: Record<StatusTable, string[]> } {
    const statuses = this.#statusesSet;
    return {
      created: this.#created.length,
      edits: this.#edits.length,
      signedNotes: this.#signed.size,
      statuses: { appointments: [...statuses.appointments].sort(), queue_entries: [...statuses.queue_entries].sort(), encounters: [...statuses.encounters].sort() },
    };
  }

  /**
   * Known and not yet fixed: a change the hub restamped (its device's clock ran ahead) whose
   * answer the device never read is restamped again, later, when it goes up again after the hub
   * was restored from a backup that predates it; it can then beat edits made on top of it. These
   * are listed here, not counted as problems, until restamps survive a restore.
   */
  readonly knownIssues: string[] = [];

  async problems(hub: HubService, hubWasRestored: boolean): Promise<string[]> {
    return [...(await this.#missingRows(hub)), ...(await this.#statusesBack(hub)), ...(await this.#lostEdits(hub, hubWasRestored)), ...(await this.#rewrittenNotes(hub)), ...(await conflictProblems(hub))];
  }

  async #missingRows(hub: HubService): Promise<string[]> {
    const problems: string[] = [];
    for (const table of new Set(this.#created.map((row) => row.table))) {
      const ids = this.#created.filter((row) => row.table === table).map((row) => row.id);
      const found = new Set((await hub.db.query<{ id: string }>(`select id::text as id from ${table} where id::text = any($1::text[])`, [ids])).map((row) => row.id));
      for (const id of ids) if (!found.has(id)) problems.push(`oracle: ${table} ${id} was acknowledged to its desk but is not at the hub`);
    }
    return problems;
  }

  async #statusesBack(hub: HubService): Promise<string[]> {
    const problems: string[] = [];
    for (const table of STATUS_TABLES) {
      const expected = [...this.#highest].filter(([, seen]) => seen.table === table);
      const rows = await hub.db.query<{ id: string; status: string }>(`select id::text as id, status from ${table} where id::text = any($1::text[])`, [expected.map(([id]) => id)]);
      const finalStatus = new Map(rows.map((row) => [row.id, row.status]));
      for (const [id, seen] of expected) {
        const status = finalStatus.get(id) ?? '(missing)';
        if ((RANKS[table][status] ?? -1) < (RANKS[table][seen.status] ?? -1)) problems.push(`oracle: ${table} ${id} moved back from ${seen.status} to ${status}`);
      }
    }
    return problems;
  }

  /** A signed note reads at the hub as its desk signed it. */
  async #rewrittenNotes(hub: HubService): Promise<string[]> {
    const rows = await hub.db.query<{ id: string; subjective: string }>(`select id::text as id, subjective from encounter_notes where id::text = any($1::text[])`, [[...this.#signed.keys()]]);
    const atHub = new Map(rows.map((row) => [row.id, row.subjective]));
    return [...this.#signed].filter(([id, subjective]) => atHub.has(id) && atHub.get(id) !== subjective).map(([id, subjective]) => `oracle: encounter_notes ${id} was signed as "${subjective}" but reads "${atHub.get(id) ?? ''}"`);
  }

  /**
   * Each edit was made on top of the value its desk saw, so it is causally later than the edit
   * that wrote that value: that value can no longer be the last. And the last value is one that
   * some edit or registration wrote.
   */
  async #lostEdits(hub: HubService, hubWasRestored: boolean): Promise<string[]> {
    const problems: string[] = [];
    const ids = [...new Set(this.#edits.map((edit) => edit.patientId))];
    const rows = await hub.db.query<{ id: string; phone: string; email: string; notes: string; sync_clock: string | Record<string, string> }>(`select id::text as id, phone, email, notes, sync_clock from patients where id::text = any($1::text[])`, [ids]);
    const finalRows = new Map(rows.map((row) => [row.id, row]));
    for (const edit of this.#edits) {
      const row = finalRows.get(edit.patientId);
      const final = row?.[edit.column];
      if (row === undefined || final === undefined) continue;
      const overwritten = edit.before === final && edit.after !== final;
      if (!overwritten) continue;
      const message = `oracle: patients ${edit.patientId} ${edit.column} ended as "${final}", though an edit made on top of it wrote "${edit.after}"`;
      const clock = typeof row.sync_clock === 'string' ? (JSON.parse(row.sync_clock) as Record<string, string>) : row.sync_clock;
      if (hubWasRestored && (clock[edit.column] ?? '').endsWith('.hub0')) this.knownIssues.push(`${message} (restamped again after the restore)`);
      else problems.push(message);
    }
    for (const [id, row] of finalRows) {
      for (const column of ['phone', 'email', 'notes'] as const) {
        const written = this.#edits.filter((edit) => edit.patientId === id && edit.column === column);
        if (written.length === 0) continue;
        const known = new Set(written.flatMap((edit) => [edit.before, edit.after]));
        if (!known.has(row[column])) problems.push(`oracle: patients ${id} ${column} ended as "${row[column]}", which no desk wrote`);
      }
    }
    return problems;
  }
}

/**
 * Every double booking and every token handed out twice that is still there at the end was
 * recorded as a conflict, and each conflict once.
 */
async function conflictProblems(hub: HubService): Promise<string[]> {
  const problems: string[] = [];
  const conflicts = await hub.db.query<{ kind: string; row_ids: string }>(`select kind, row_ids from sync_conflicts`);
  const recorded = new Map<string, number>();
  for (const conflict of conflicts) {
    const key = `${conflict.kind} ${(JSON.parse(conflict.row_ids) as string[]).sort().join(',')}`;
    recorded.set(key, (recorded.get(key) ?? 0) + 1);
  }
  for (const [key, count] of recorded) if (count > 1) problems.push(`oracle: conflict ${key} recorded ${String(count)} times`);
  const live = (alias: string) => `${alias}.status in ('SCHEDULED', 'CHECKED_IN', 'COMPLETED') and ${alias}.deleted_at is null`;
  const doubleBookings = await hub.db.query<{ a: string; b: string }>(
    `select a.id::text as a, b.id::text as b from appointments a join appointments b
       on b.clinic_id = a.clinic_id and b.doctor_user_id = a.doctor_user_id and a.id::text < b.id::text and b.start_at < a.end_at and b.end_at > a.start_at
     where ${live('a')} and ${live('b')}`,
  );
  const sameTokens = await hub.db.query<{ a: string; b: string }>(
    `select a.id::text as a, b.id::text as b from queue_entries a join queue_entries b
       on b.clinic_id = a.clinic_id and b.service_date = a.service_date and b.token = a.token and a.id::text < b.id::text
     where a.deleted_at is null and b.deleted_at is null`,
  );
  for (const [kind, pairs] of [['DOUBLE_BOOKING', doubleBookings], ['DUPLICATE_TOKEN', sameTokens]] as const) {
    for (const pair of pairs) if (!recorded.has(`${kind} ${[pair.a, pair.b].sort().join(',')}`)) problems.push(`oracle: ${kind} of ${pair.a} and ${pair.b} was never recorded`);
  }
  return problems;
}

import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CallInput, CallName, CallResult } from '#shared/api/contract.ts';
import type { ApiErrorBody } from '#shared/api/errors.ts';
import { syncedTableNames } from '#shared/sync/tables.ts';
import { seededRandom } from '#core/demo/sample-names.ts';
import { manualClock } from '#core/platform/clock.ts';
import { seededIdSource, useIdSource } from '#core/platform/ids.ts';
import { HubService } from '#hub/hub-service.ts';
import type { FastifyInstance } from 'fastify';
import { createHubServer } from '#hub/server.ts';
import type { Fault, Network } from '#tests/support/network-faults.ts';
import { hubRows, openWorkstation, workstationRows, type Workstation } from '#tests/support/sync-world.ts';
import type { HubKind } from '#tests/support/hub-harness.ts';
import { createScratchDatabase, type ScratchDatabase } from '#tests/support/postgres.ts';
import { Oracle } from './oracle.ts';
import { makeTempDir } from '#tests/support/temp-dir.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;

export type Desk = { ws: Workstation; clinic: 'A' | 'B'; token: string | null; username: string; password: string };

export type FaultRates = { dropRequest: number; dropResponse: number; duplicate: number; delay: number; crashAfterCommit: number };

const NO_FAULTS: FaultRates = { dropRequest: 0, dropResponse: 0, duplicate: 0, delay: 0, crashAfterCommit: 0 };

/**
 * The simulated world: one hub (PGlite, restorable from a copy of its folder), workstations with
 * their own clocks, and a network that drops, loses answers, duplicates and partitions, all
 * driven by one seeded random source so any failure replays from its seed.
 */
export class World {
  readonly random: () => number;
  readonly hubClock = manualClock(Date.parse('2026-03-02T08:00:00.000Z'));
  readonly desks: Desk[] = [];
  readonly offline = new Set<string>();
  faults: FaultRates = NO_FAULTS;
  /** Requests held up on the way, delivered later in a seeded order. */
  readonly #held: (() => Promise<unknown>)[] = [];
  /** Desks that stopped in the middle of a sync, to start again after it. */
  readonly #crashed = new Set<string>();
  readonly #restoreIds: () => void;
  hub!: HubService;
  readonly #hubTemp = makeTempDir('clinic-sim-hub-');
  readonly #backupTemp = makeTempDir('clinic-sim-backup-');
  #hasBackup = false;
  hubWasRestored = false;
  /**
   * The patients the hub's backup holds, once it is taken. Known and not yet fixed: after the hub
   * is restored, a row naming a patient registered after the backup is refused for good
   * (FORBIDDEN_ROW) when it reaches the hub before the patient is sent again. Encounters start
   * only for these patients until a push can wait for its subject.
   */
  patientsInBackup: ReadonlySet<string> | null = null;
  readonly log: string[] = [];
  readonly oracle = new Oracle();

  #database: ScratchDatabase | null = null;
  #server: FastifyInstance | null = null;
  /** Kept across hub restarts, so the workstations find the hub where they were told it is. */
  #port = 0;

  constructor(
    readonly seed: number,
    readonly kind: HubKind = 'pglite',
    /** Workstations reach the hub over real HTTP on 127.0.0.1, not by calling it in this process. */
    readonly overHttp = false,
  ) {
    this.random = seededRandom(seed);
    this.#restoreIds = useIdSource(seededIdSource(this.hubClock.now, seededRandom(seed ^ 0x5bd1e995)));
  }

  get hubDir(): string {
    return join(this.#hubTemp.path, 'pgdata');
  }

  /** Where the workstations are told the hub is. */
  get hubUrl(): string {
    return this.overHttp ? `http://127.0.0.1:${String(this.#port)}` : 'http://hub.sim';
  }

  async openHub(): Promise<void> {
    if (this.kind === 'postgres') {
      this.#database ??= await createScratchDatabase('clinic_sim');
      this.hub = await HubService.open({ kind: 'postgres', url: this.#database.url }, this.hubClock.now);
    } else {
      this.hub = await HubService.open({ kind: 'pglite', dataDir: this.hubDir }, this.hubClock.now);
    }
    if (!this.overHttp) return;
    this.#server = await createHubServer({ hub: this.hub, version: 'simulation', adminToken: `sim-admin-${String(this.seed)}-0123456789abcdef`, now: this.hubClock.now });
    await this.#server.listen({ host: '127.0.0.1', port: this.#port });
    const address = this.#server.server.address();
    if (typeof address === 'object' && address !== null) this.#port = address.port;
  }

  async #closeHub(): Promise<void> {
    await this.#server?.close();
    this.#server = null;
    await this.hub.close();
  }

  readonly network: Network = {
    reachable: (key) => !this.offline.has(key),
    fault: (): Fault => {
      let roll = this.random();
      for (const fault of ['dropRequest', 'dropResponse', 'duplicate', 'delay', 'crashAfterCommit'] as const) {
        roll -= this.faults[fault];
        if (roll < 0) return fault;
      }
      return 'deliver';
    },
    hold: (deliver) => {
      this.#held.push(deliver);
    },
    crash: (key) => {
      this.#crashed.add(key);
    },
  };

  /** Delivers some held-up requests, late; their answers go nowhere. */
  async deliverHeld(): Promise<void> {
    while (this.#held.length > 0 && this.random() < 0.5) {
      const [deliver] = this.#held.splice(Math.floor(this.random() * this.#held.length), 1);
      await deliver?.().catch(() => undefined);
    }
  }

  /** Starts again the desks that stopped in the middle of a sync. */
  async restartCrashed(): Promise<void> {
    for (const desk of this.desks) {
      if (!this.#crashed.delete(desk.ws.key)) continue;
      this.log.push(`${desk.ws.key} lost power after the hub committed`);
      await desk.ws.powerCut();
    }
  }

  async addDesk(key: string, clinic: 'A' | 'B', clockOffsetMs: number, credentials: { username: string; password: string }): Promise<Desk> {
    const ws = await openWorkstation(key, () => this.hub, { startMs: this.hubClock.now() + clockOffsetMs, network: this.network, random: this.random, overHttp: this.overHttp });
    const desk: Desk = { ws, clinic, token: null, ...credentials };
    this.desks.push(desk);
    return desk;
  }

  /** Calls a desk's core, signing in again first if a restart or a lock ended its session. */
  async call<N extends CallName>(desk: Desk, name: N, input: CallInput<N>): Promise<{ ok: true; result: CallResult<N> } | { ok: false; error: ApiErrorBody }> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const outcome = await desk.ws.core.dispatch({ call: name, input, token: desk.token });
      if (outcome.ok) return { ok: true, result: outcome.result as CallResult<N> };
      if (outcome.error.code !== 'UNAUTHENTICATED' || name === 'auth.signIn') return { ok: false, error: outcome.error };
      const signedIn = await desk.ws.core.dispatch({ call: 'auth.signIn', input: { username: desk.username, password: desk.password }, token: null });
      if (!signedIn.ok) return { ok: false, error: signedIn.error };
      desk.token = (signedIn.result as { token?: string }).token ?? null;
    }
    return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'could not sign in' } };
  }

  async must<N extends CallName>(desk: Desk, name: N, input: CallInput<N>): Promise<CallResult<N>> {
    const outcome = await this.call(desk, name, input);
    if (!outcome.ok) throw new Error(`${desk.ws.key} ${name}: ${outcome.error.code} ${outcome.error.message}`);
    return outcome.result;
  }

  /**
   * Connecting starts the background sync; the simulation stops it so that every sync happens
   * at a step the seed chose, and the run replays exactly.
   */
  async quiet(desk: Desk): Promise<void> {
    await desk.ws.core.sync.stop();
    await desk.ws.core.sync.syncNow();
  }

  /** Every clock moves on; each desk's keeps its own error. */
  advance(ms: number): void {
    this.hubClock.advance(ms);
    for (const desk of this.desks) desk.ws.clock.advance(ms);
  }

  async backupHub(): Promise<void> {
    await this.#closeHub();
    if (this.#database !== null) {
      await this.#database.copyTo(`${this.#database.name}_backup`);
    } else {
      rmSync(this.#backupTemp.path, { recursive: true, force: true });
      cpSync(this.hubDir, this.#backupTemp.path, { recursive: true });
    }
    this.#hasBackup = true;
    await this.openHub();
    this.patientsInBackup = new Set((await this.hub.db.query<{ id: string }>(`select id::text as id from patients`)).map((row) => row.id));
  }

  /** The hub's database replaced by the older copy, as after a restore nobody announced. */
  async restoreHub(): Promise<boolean> {
    if (!this.#hasBackup) return false;
    await this.#closeHub();
    if (this.#database !== null) {
      await this.#database.replaceFrom(`${this.#database.name}_backup`);
    } else {
      rmSync(this.hubDir, { recursive: true, force: true });
      cpSync(this.#backupTemp.path, this.hubDir, { recursive: true });
    }
    await this.openHub();
    this.hubWasRestored = true;
    return true;
  }

  /** Syncs every desk, without faults, until nothing moves. */
  async settle(): Promise<void> {
    this.offline.clear();
    this.faults = NO_FAULTS;
    while (this.#held.length > 0) await this.#held.shift()?.().catch(() => undefined);
    await this.restartCrashed();
    for (let round = 0; round < 6; round += 1) {
      for (const desk of this.desks) await desk.ws.core.sync.syncNow();
    }
  }

  async clinicId(clinic: 'A' | 'B'): Promise<string> {
    const [row] = await this.hub.db.query<{ id: string }>(`select id from clinics where code = $1`, [clinic === 'A' ? 'AAA01' : 'BBB01']);
    return row?.id ?? '';
  }

  /** Each desk's replicated tables, compared with the hub's rows for its clinic. */
  async differences(): Promise<string[]> {
    const problems: string[] = [];
    for (const desk of this.desks) {
      const clinicId = await this.clinicId(desk.clinic);
      for (const table of syncedTableNames()) {
        const atHub = await hubRows(this.hub, table, clinicId);
        const local = workstationRows(desk.ws.core.database.sqlite, table, null);
        for (const [id, row] of local) {
          const hubRow = atHub.get(id);
          if (hubRow === undefined) problems.push(`${desk.ws.key}: ${table} ${id} is not at the hub for its clinic`);
          else if (JSON.stringify(hubRow, Object.keys(hubRow).sort()) !== JSON.stringify(row, Object.keys(row).sort())) problems.push(`${desk.ws.key}: ${table} ${id} differs from the hub: ${JSON.stringify(row)} vs ${JSON.stringify(hubRow)}`);
        }
        for (const id of atHub.keys()) if (!local.has(id)) problems.push(`${desk.ws.key}: ${table} ${id} of its clinic is missing`);
      }
    }
    return problems;
  }

  async close(): Promise<void> {
    for (const desk of this.desks) await desk.ws.close();
    await this.#closeHub();
    await this.#database?.drop();
    this.#hubTemp.remove();
    this.#backupTemp.remove();
    this.#restoreIds();
  }
}

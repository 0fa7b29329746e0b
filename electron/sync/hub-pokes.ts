import type { Db } from '../db/database.ts';
import { readSyncSettings } from './settings.ts';
import type { HubTransport } from './transport.ts';

export type HubPokesDeps = {
  readonly db: Db;
  readonly transportFor: (hubUrl: string) => HubTransport;
  /** Whether background syncing is on: pokes are listened to only then. */
  readonly syncing: () => boolean;
  readonly onPoke: () => void;
  readonly onConnected: (connected: boolean) => void;
};

/**
 * The hub's live pokes when the clinic changes (SYNC.md §8), listened to while background sync
 * is on and no first sync is under way.
 */
export class HubPokes {
  #stop: (() => void) | null = null;

  constructor(private readonly deps: HubPokesDeps) {}

  /** Listens afresh, to the hub the settings name now. */
  connect(): void {
    this.stop();
    const settings = readSyncSettings(this.deps.db);
    if (!this.deps.syncing() || settings === null || settings.bootstrapProgress !== null) return;
    this.#stop = this.deps.transportFor(settings.hubUrl).subscribe(
      settings.credential,
      () => this.deps.onPoke(),
      (connected) => {
        // A connection closing as the workstation shuts down has no one left to tell.
        if (!this.deps.syncing()) return;
        this.deps.onConnected(connected);
      },
    );
  }

  stop(): void {
    this.#stop?.();
    this.#stop = null;
  }
}

const DEBOUNCE_MS = 30;
const POLL_MS = 30_000;
const BACKOFF_MIN_MS = 1_000;
const BACKOFF_MAX_MS = 60_000;
/** After a refusal or an error on this workstation: trying again at once would end the same way. */
const REFUSED_RETRY_MS = 5 * 60_000;

export type SyncScheduleDeps = {
  /** Starts a sync (it runs right after the one under way, if any). */
  readonly sync: () => void;
  /** Jitter for retries; tests pass a seeded one. */
  readonly random?: () => number;
};

/**
 * When the next sync starts: soon after a request, several close together making one; after a
 * sync, on a timer (the poll, backoff with jitter while the hub is unreachable, or a long wait
 * after a refusal); and not at all once stopped.
 */
export class SyncSchedule {
  #started = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #debounce: ReturnType<typeof setTimeout> | null = null;
  #failures = 0;

  constructor(private readonly deps: SyncScheduleDeps) {}

  get started(): boolean {
    return this.#started;
  }

  /** Turns the schedule on; false when it already was. */
  start(): boolean {
    if (this.#started) return false;
    this.#started = true;
    return true;
  }

  /** No sync starts from here any more: requests are ignored and the timers cleared. */
  stop(): void {
    this.#started = false;
    if (this.#timer !== null) clearTimeout(this.#timer);
    if (this.#debounce !== null) clearTimeout(this.#debounce);
  }

  /** Asks for a sync soon; several requests close together make one. */
  request(delayMs = DEBOUNCE_MS): void {
    if (!this.#started) return;
    if (this.#debounce !== null) clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => {
      this.#debounce = null;
      this.deps.sync();
    }, delayMs);
  }

  /** A sync went through: the next failure backs off from the shortest wait again. */
  succeeded(): void {
    this.#failures = 0;
  }

  failed(): void {
    this.#failures += 1;
  }

  /** With nothing else asking, the hub is asked again at the poll. */
  pollLater(): void {
    this.#after(POLL_MS);
  }

  retryWithBackoff(): void {
    // Exponential backoff with jitter, so workstations coming back together do not all retry at once.
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.min(this.#failures - 1, 10));
    this.#after(base / 2 + (this.deps.random ?? Math.random)() * (base / 2));
  }

  retryMuchLater(): void {
    this.#after(REFUSED_RETRY_MS);
  }

  #after(delayMs: number): void {
    if (!this.#started) return;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.deps.sync();
    }, delayMs);
  }
}

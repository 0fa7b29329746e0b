/** A token bucket per key: steady requests pass, a runaway client is slowed, not the others. */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  allow(key: string): boolean {
    const now = this.now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > 10_000) this.#buckets.clear();
    return allowed;
  }
}

/** Keys seen lately, up to a bound; the one seen longest ago is forgotten first. */
export class RecentKeys {
  readonly #keys = new Set<string>();

  constructor(private readonly max = 10_000) {}

  has(key: string): boolean {
    return this.#keys.has(key);
  }

  remember(key: string): void {
    this.#keys.delete(key);
    this.#keys.add(key);
    if (this.#keys.size <= this.max) return;
    const oldest = this.#keys.values().next();
    if (oldest.done !== true) this.#keys.delete(oldest.value);
  }

  forget(key: string): void {
    this.#keys.delete(key);
  }
}

/**
 * The feed entries this hub process wrote lately, kept as the bytes a pull sends. Live pokes make
 * the other workstations of a clinic pull an entry moments after it was written; reading it back
 * from the database, decoding its text and encoding it again took about 8 ms of a half-megabyte
 * pull's 13 ms at the hub (measured on 127.0.0.1).
 *
 * An entry is found here by its key, a random one written with it (hub_feed.entry_key): the
 * database says which entry a page holds, and only an entry with the same key is sent from here.
 * An entry never changes once written, so the copy is the entry; a rolled-back push leaves a key
 * that no row has, and another hub process, or a database restored from a backup, simply finds
 * nothing here.
 */
export class RecentFeedEntries {
  /** In the order they were written: the oldest go first when the budget is spent. Text counts its length, about its bytes for JSON. */
  readonly #entries = new Map<string, { readonly clinicId: string; body: Buffer | string }>();
  #bytes = 0;

  /**
   * Bounded in bytes and in entries: every pull sends the keys held for its clinic to the database,
   * so they must stay few even when the entries are small ones of a change each.
   */
  constructor(
    private readonly budgetBytes: number,
    private readonly maxEntries: number,
  ) {}

  /** An entry's changes as its brackets hold them (text or bytes), after its transaction committed. */
  add(key: string, clinicId: string, body: Buffer | string): void {
    if (body.length > this.budgetBytes || this.#entries.has(key)) return;
    this.#entries.set(key, { clinicId, body });
    this.#bytes += body.length;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.budgetBytes && this.#entries.size <= this.maxEntries) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.body.length;
    }
  }

  /** The keys held for a clinic: its pull reads no text the hub already holds. */
  keysOf(clinicId: string): string[] {
    const keys: string[] = [];
    for (const [key, entry] of this.#entries) if (entry.clinicId === clinicId) keys.push(key);
    return keys;
  }

  /** The entry's changes as bytes; encoded at the first pull that sends them, not by the push that wrote them. */
  bytesOf(key: string): Buffer | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (typeof entry.body === 'string') {
      const bytes = Buffer.from(entry.body, 'utf8');
      this.#bytes += bytes.length - entry.body.length;
      entry.body = bytes;
    }
    return entry.body;
  }
}

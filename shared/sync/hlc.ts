// Hybrid logical clock stamps: wall time, a counter, and the device, encoded so that plain
// string comparison orders them. A device whose clock runs behind still moves forward because
// every stamp it sees from elsewhere pushes its clock past it.

const WALL_DIGITS = 9;
const COUNTER_DIGITS = 4;
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;

export type HlcParts = { readonly wallMs: number; readonly counter: number; readonly node: string };

const HLC_PATTERN = /^([0-9a-z]{9})\.([0-9a-z]{4})\.([0-9a-z]{1,16})$/;

export function formatHlc(parts: HlcParts): string {
  return `${parts.wallMs.toString(36).padStart(WALL_DIGITS, '0')}.${parts.counter.toString(36).padStart(COUNTER_DIGITS, '0')}.${parts.node}`;
}

export function parseHlc(stamp: string): HlcParts | null {
  const match = HLC_PATTERN.exec(stamp);
  if (match === null) return null;
  return { wallMs: parseInt(match[1] ?? '0', 36), counter: parseInt(match[2] ?? '0', 36), node: match[3] ?? '' };
}

export function isHlc(stamp: unknown): stamp is string {
  return typeof stamp === 'string' && HLC_PATTERN.test(stamp);
}

/** A short, stable node tag for a device: the random tail of its UUIDv7, never its time prefix. */
export function nodeTagOf(deviceId: string): string {
  return deviceId.replace(/-/g, '').slice(-12).toLowerCase();
}

export const ZERO_HLC = formatHlc({ wallMs: 0, counter: 0, node: '0' });

export class HybridClock {
  #last: HlcParts;

  constructor(
    readonly node: string,
    private readonly now: () => number,
    last: string | null = null,
  ) {
    this.#last = (last === null ? null : parseHlc(last)) ?? { wallMs: 0, counter: 0, node };
  }

  /** A new stamp, later than every stamp this clock issued or saw. */
  tick(): string {
    const wallMs = Math.max(this.now(), this.#last.wallMs);
    const counter = wallMs === this.#last.wallMs ? this.#last.counter + 1 : 0;
    this.#last = counter > MAX_COUNTER ? { wallMs: wallMs + 1, counter: 0, node: this.node } : { wallMs, counter, node: this.node };
    return formatHlc(this.#last);
  }

  /** Moves the clock past a stamp seen from elsewhere. */
  observe(stamp: string): void {
    const seen = parseHlc(stamp);
    if (seen === null) return;
    if (seen.wallMs > this.#last.wallMs || (seen.wallMs === this.#last.wallMs && seen.counter > this.#last.counter)) {
      this.#last = { wallMs: seen.wallMs, counter: seen.counter, node: this.node };
    }
  }

  get last(): string {
    return formatHlc(this.#last);
  }
}

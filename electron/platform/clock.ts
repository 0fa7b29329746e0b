/** Time comes from here, never from Date.now() in services, so tests can move it. */
export type Clock = { readonly now: () => number };

export const systemClock: Clock = { now: () => Date.now() };

export function isoAt(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** A clock a test can set and advance. */
export function manualClock(startMs: number): Clock & { set: (ms: number) => void; advance: (ms: number) => void } {
  let current = startMs;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export type Figure = { readonly name: string; readonly value: number | null; readonly unit: string; readonly note?: string };

export type BenchSuite = { readonly title: string; readonly run: () => Promise<Figure[]> };

export function percentile(samples: readonly number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Times an async step many times and returns each duration in milliseconds. */
export async function sample(times: number, step: (index: number) => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let index = 0; index < times; index += 1) {
    const started = process.hrtime.bigint();
    await step(index);
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return durations;
}

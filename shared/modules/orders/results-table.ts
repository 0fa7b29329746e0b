import type { ChartResult } from './order.ts';

/** A row of the chart's table: one item of one test, with its value on each date. */
export type ResultsTableRow = {
  readonly key: string;
  readonly testName: string;
  readonly componentName: string;
  readonly unit: string;
  /** By column date; the latest result of that day. */
  readonly cells: ReadonlyMap<string, ChartResult>;
};

export type ResultsTable = { readonly dates: readonly string[]; readonly rows: readonly ResultsTableRow[] };

/**
 * Results as a table over time: a row per test item (in the order first seen), a column per day
 * (given by `dayOf`, in the clinic's zone), oldest day first.
 */
export function resultsTable(results: readonly ChartResult[], dayOf: (iso: string) => string): ResultsTable {
  const ordered = [...results].sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  const dates = [...new Set(ordered.map((result) => dayOf(result.takenAt)))].sort();
  const rows = new Map<string, { key: string; testName: string; componentName: string; unit: string; cells: Map<string, ChartResult> }>();
  for (const result of ordered) {
    const key = `${result.testCode}/${result.componentCode}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = { key, testName: result.testName, componentName: result.componentName, unit: result.unit, cells: new Map() };
      rows.set(key, row);
    }
    row.cells.set(dayOf(result.takenAt), result);
  }
  return { dates, rows: [...rows.values()] };
}

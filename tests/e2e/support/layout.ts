import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import type { Page } from 'playwright-core';

/** What a person would see as broken: a control or label cut off, or a word split over two lines. */
export type LayoutProblem = { readonly kind: 'clipped' | 'cut-off text' | 'wrapped' | 'word broken' | 'page scrolls sideways'; readonly element: string; readonly text: string };

/** The probe, compiled once to a script that defines `layoutProbe` in the page. */
let probeScript: string | null = null;

function compiledProbe(): string {
  if (probeScript === null) {
    const source = readFileSync(new URL('../browser/layout-probe.ts', import.meta.url), 'utf8');
    probeScript = transformSync(source, { loader: 'ts', format: 'iife', globalName: 'layoutProbe', target: 'es2022' }).code;
  }
  return probeScript;
}

/** What is clipped, cut off or wrapped mid-word on the page now (tests/e2e/browser/layout-probe.ts). */
export async function findLayoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate<LayoutProblem[]>(`(() => { ${compiledProbe()}; return layoutProbe.findLayoutProblems(); })()`);
}

export function describeLayoutProblems(problems: readonly LayoutProblem[]): string {
  return problems.map((problem) => `- ${problem.kind}: ${problem.element} "${problem.text}"`).join('\n');
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, type AxeScope } from './axe.ts';
import { describeLayoutProblems, findLayoutProblems } from './layout.ts';

/** The front desk's monitors: the most common one, and the smallest still in use (issue 33). */
export const FRONT_DESK_SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const;

export const SCREENSHOT_DIR = process.env['A11Y_SHOTS_DIR'] ?? '/tmp/shots-a11y';

/** Two animation frames: the layout after a resize has been computed and painted. */
async function settled(page: Page): Promise<void> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined))))');
}

/**
 * Checks what the page shows now at each front-desk size: zero axe-core violations of WCAG 2.1
 * AA, nothing clipped, no word split; and keeps a screenshot of each for a person to look at.
 * Resolves with every problem found, in words, so one run lists all of them.
 */
export async function problemsAtFrontDeskSizes(page: Page, screenName: string, options: { axe?: boolean; axeAtFirstSizeOnly?: boolean; layout?: boolean; include?: string } = {}): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const problems: string[] = [];
  for (const [index, size] of FRONT_DESK_SIZES.entries()) {
    await page.setViewportSize(size);
    await settled(page);
    const where = `${screenName} at ${String(size.width)}x${String(size.height)}`;
    const started = Date.now();
    // Colours do not change with the window's width, and contrast is axe's slowest rule: it is
    // checked at the first size; every other rule, which layout can change, at both.
    const scope: AxeScope = { ...(options.include === undefined ? {} : { include: options.include }), skipRules: index === 0 ? [] : ['color-contrast'] };
    const violations = options.axe === false || (options.axeAtFirstSizeOnly === true && index > 0) ? [] : await axeViolations(page, scope);
    const axeMs = Date.now() - started;
    if (violations.length > 0) problems.push(`axe-core on ${where}:\n${describeViolations(violations)}`);
    if (options.layout !== false) {
      const layout = await findLayoutProblems(page);
      if (layout.length > 0) problems.push(`layout of ${where}:\n${describeLayoutProblems(layout)}`);
    }
    if (process.env['A11Y_TIMING'] !== undefined) process.stdout.write(`${where}: axe ${String(axeMs)} ms, layout ${String(Date.now() - started - axeMs)} ms\n`);
    const file = `${screenName.replaceAll(/[^a-z0-9]+/gi, '-').toLowerCase()}-${String(size.width)}.png`;
    await page.screenshot({ path: join(SCREENSHOT_DIR, file) });
  }
  await page.setViewportSize(FRONT_DESK_SIZES[0]);
  return problems;
}

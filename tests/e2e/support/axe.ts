import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The WCAG 2.1 AA rule set: the level the front desk is held to (issue 33). */
const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** One line per element that breaks a rule, so a failing test says what to fix and where. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map((node) => {
        const summary = (node.failureSummary ?? violation.help).replaceAll(/\s+/g, ' ').trim();
        return `- ${violation.id} (${node.impact ?? violation.impact ?? 'unknown'}) at ${node.target.join(' ')}: ${summary}`;
      }),
    )
    .join('\n');
}

/** Where to look and what to skip: an open dialog alone, say, or every rule but contrast. */
export type AxeScope = { readonly include?: string; readonly skipRules?: readonly string[] };

/** The page's violations of WCAG 2.1 AA, as axe-core finds them in the live DOM. */
export async function axeViolations(page: Page, scope: AxeScope = {}): Promise<AxeViolation[]> {
  // "Label in name" (WCAG 2.5.3) is still experimental in axe-core, so off unless asked for; the
  // front desk asked for it: a control's spoken name must contain the words it shows.
  let builder = new AxeBuilder({ page }).withTags(WCAG_21_AA_TAGS).options({ rules: { 'label-content-name-mismatch': { enabled: true } } });
  if (scope.include !== undefined) builder = builder.include(scope.include);
  // A frame showing a PDF the page made (a prescription, a receipt, a document) holds the
  // browser's own PDF viewer, not the app's markup; the frame element itself is still checked.
  builder = builder.exclude('iframe[src^="blob:"]');
  if (scope.skipRules !== undefined && scope.skipRules.length > 0) builder = builder.disableRules([...scope.skipRules]);
  const results = await builder.analyze();
  return results.violations;
}

/** Fails with the list of violations when axe-core finds any on what the page shows now. */
export async function expectNoAxeViolations(page: Page, screenName: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    const size = page.viewportSize();
    const where = size === null ? screenName : `${screenName} at ${String(size.width)}x${String(size.height)}`;
    throw new Error(`axe-core found ${String(violations.length)} WCAG 2.1 AA rule(s) broken on ${where}:\n${describeViolations(violations)}`);
  }
}

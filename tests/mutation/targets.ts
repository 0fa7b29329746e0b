/**
 * The rule files that guard clinics' data, each with the tests that exercise it. Mutation testing
 * runs one file at a time against only these tests: on two cores, the sync suite behind every
 * file would take hours, and a test that merely passes through a rule (a hub test that merges
 * rows on its way to something else) kills few mutants the focused tests do not.
 * A new test file for one of these rules belongs in its list; `mutants-*.test.ts` files beside a
 * rule's tests are picked up by the globs.
 */
export const mutationTargets: Readonly<Record<string, readonly string[]>> = {
  'shared/sync/merge.ts': ['tests/shared/merge.test.ts', 'tests/shared/merge-change.test.ts', 'tests/shared/mutants-merge*.test.ts'],
  'shared/sync/hlc.ts': ['tests/shared/hlc.test.ts', 'tests/shared/merge-change.test.ts', 'tests/shared/mutants-hlc*.test.ts'],
  'electron/api/access.ts': ['tests/core/access.test.ts', 'tests/core/mutants-access*.test.ts'],
  'electron/api/sign-in.ts': ['tests/core/sign-in.test.ts', 'tests/core/administration.test.ts', 'tests/core/mutants-throttle*.test.ts', 'tests/core/mutants-sign-in*.test.ts'],
  'electron/auth/throttle.ts': ['tests/core/sign-in.test.ts', 'tests/core/administration.test.ts', 'tests/core/mutants-throttle*.test.ts'],
  'electron/auth/sessions.ts': ['tests/core/access.test.ts', 'tests/core/mutants-access*.test.ts', 'tests/core/mutants-sessions*.test.ts'],
  'electron/modules/appointments/slot-check.ts': ['tests/core/appointments.test.ts', 'tests/core/mutants-slot-check*.test.ts'],
  'shared/modules/appointments/appointment.ts': ['tests/shared/appointment-rules.test.ts', 'tests/shared/mutants-appointment*.test.ts'],
  'hub/sync/authorize.ts': ['tests/sync/authorize-rules.test.ts', 'tests/sync/mutants-authorize*.test.ts'],
  'hub/sync/push.ts': ['tests/sync/hub.test.ts', 'tests/sync/hub-authorization.test.ts', 'tests/sync/push-pipeline.test.ts', 'tests/sync/mutants-push*.test.ts'],
  'hub/sync/pull.ts': ['tests/sync/hub-feed.test.ts', 'tests/sync/pull-pipeline.test.ts', 'tests/sync/mutants-pull*.test.ts'],
  'electron/sync/outbox.ts': ['tests/sync/outbox-acks.test.ts', 'tests/sync/push-pipeline.test.ts', 'tests/sync/mutants-outbox*.test.ts'],
  'electron/sync/apply.ts': ['tests/sync/apply-page.test.ts', 'tests/sync/pull-pipeline.test.ts', 'tests/sync/mutants-apply*.test.ts'],
  'shared/money/rounding.ts': ['tests/shared/money.test.ts', 'tests/shared/mutants-money*.test.ts'],
  'shared/money/sale-totals.ts': ['tests/shared/money.test.ts', 'tests/shared/mutants-money*.test.ts'],
  'shared/money/payments.ts': ['tests/shared/money.test.ts', 'tests/shared/mutants-money*.test.ts'],
  'shared/money/amount-text.ts': ['tests/shared/money.test.ts', 'tests/shared/mutants-money*.test.ts'],
  'shared/scanning/gtin.ts': ['tests/shared/scanned-code.test.ts', 'tests/shared/mutants-scanning*.test.ts'],
  'shared/scanning/scanned-code.ts': ['tests/shared/scanned-code.test.ts', 'tests/shared/mutants-scanning*.test.ts'],
  'shared/scanning/group-separator.ts': ['tests/shared/scanned-code.test.ts', 'tests/shared/wedge.test.ts', 'tests/shared/mutants-scanning*.test.ts'],
  'shared/modules/medicines/checks/alerts.ts': ['tests/shared/medicine-checks.test.ts', 'tests/shared/mutants-medicine-checks*.test.ts'],
  'shared/modules/medicines/checks/allergy-check.ts': ['tests/shared/medicine-checks.test.ts', 'tests/shared/mutants-medicine-checks*.test.ts'],
  'shared/modules/medicines/checks/dose-check.ts': ['tests/shared/medicine-checks.test.ts', 'tests/shared/mutants-medicine-checks*.test.ts'],
  'shared/modules/medicines/checks/medicine-concepts.ts': ['tests/shared/medicine-checks.test.ts', 'tests/shared/mutants-medicine-checks*.test.ts'],
  'shared/modules/medicines/checks/pair-checks.ts': ['tests/shared/medicine-checks.test.ts', 'tests/shared/mutants-medicine-checks*.test.ts'],
  'shared/modules/medicines/checks/prescription-checks.ts': ['tests/shared/medicine-checks.test.ts', 'tests/shared/mutants-medicine-checks*.test.ts'],
  'shared/modules/stock/batch-picking.ts': ['tests/shared/batch-picking.test.ts', 'tests/shared/mutants-stock*.test.ts'],
  'shared/modules/stock/expiry.ts': ['tests/shared/batch-picking.test.ts', 'tests/shared/mutants-stock*.test.ts'],
  'shared/modules/stock/count.ts': ['tests/shared/batch-picking.test.ts', 'tests/shared/mutants-stock*.test.ts'],
  'shared/modules/sales/discount-limits.ts': ['tests/shared/mutants-sales*.test.ts'],
  'electron/modules/sales/pricing.ts': ['tests/core/sales.test.ts', 'tests/core/mutants-pricing*.test.ts'],
};

/** Every test file any target names: what the mutation run's vitest configuration includes. */
export const mutationTestFiles: readonly string[] = [...new Set(Object.values(mutationTargets).flat())];

/** The variable through which `npm run mutate` tells the mutation run's vitest which test files to run: a comma-separated list. */
export const MUTATION_TEST_FILES_VARIABLE = 'MUTATION_TEST_FILES';

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { Stryker } from '@stryker-mutator/core';
import type { MutantResult } from '@stryker-mutator/api/core';
import { MUTATION_TEST_FILES_VARIABLE, mutationTargets } from './targets.ts';
import { equivalentMutants, isDocumentedEquivalent } from './equivalents.ts';

// `npm run mutate [-- --mutate FILE[,FILE]] [--force] [--concurrency N] [--break SCORE]`
// `npm run mutate:changed [-- --since BASE]`: the rule files changed since BASE (main unless said), committed or not.
// `--list` prints the files a run would take, with their tests, and runs nothing.
// Runs Stryker (stryker.config.json) on each rule file in turn, against that file's own tests
// (targets.ts), and prints the score of each. Files one at a time: each gets only its tests, its
// own incremental file, and a time of its own, which is what CI needs to budget it.

const { values: args } = parseArgs({
  options: {
    mutate: { type: 'string', multiple: true },
    changed: { type: 'boolean', default: false },
    since: { type: 'string' },
    force: { type: 'boolean', default: false },
    concurrency: { type: 'string' },
    break: { type: 'string' },
    list: { type: 'boolean', default: false },
  },
  allowPositionals: false,
});

const root = new URL('../..', import.meta.url).pathname;

function changedSince(base: string): string[] {
  const committed = execFileSync('git', ['diff', '--name-only', `${base}...HEAD`], { cwd: root, encoding: 'utf8' });
  const uncommitted = execFileSync('git', ['diff', '--name-only', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return [...new Set(`${committed}\n${uncommitted}`.split('\n').filter((line) => line !== ''))];
}

function selectedFiles(): string[] {
  if (args.changed || args.since !== undefined) {
    const changed = new Set(changedSince(args.since ?? 'main'));
    return Object.keys(mutationTargets).filter((file) => changed.has(file));
  }
  if (args.mutate === undefined) return Object.keys(mutationTargets);
  const requested = args.mutate.flatMap((value) => value.split(',')).map((file) => file.trim()).filter((file) => file !== '');
  for (const file of requested) {
    if (mutationTargets[file] === undefined) throw new Error(`${file} is not a rule file under mutation testing; add it, with its tests, to tests/mutation/targets.ts.`);
  }
  return requested;
}

/** The files a pattern names; `*` stands for any text within a file's name (Node 20 has no glob of its own). */
function filesMatching(pattern: string): string[] {
  const folder = dirname(pattern);
  if (!existsSync(`${root}/${folder}`)) return [];
  const escaped = basename(pattern).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  const name = new RegExp(`^${escaped}$`);
  return readdirSync(`${root}/${folder}`)
    .filter((entry) => name.test(entry))
    .map((entry) => `${folder}/${entry}`);
}

/** The test files of a target that exist now: the patterns name files that may not be written yet. */
function testFilesOf(file: string): string[] {
  const patterns = mutationTargets[file] ?? [];
  return [...new Set(patterns.flatMap(filesMatching))].sort();
}

function slugOf(file: string): string {
  return file.replace(/\.ts$/, '').replace(/[/\\]/g, '__');
}

type FileScore = {
  readonly file: string;
  readonly mutants: number;
  readonly killed: number;
  readonly survived: number;
  readonly noCoverage: number;
  readonly equivalent: number;
  readonly invalid: number;
  readonly seconds: number;
  /** Killed (or timed out) over every mutant that compiled and ran, equivalents excluded. */
  readonly score: number;
};

function lineOf(mutant: MutantResult): number {
  return mutant.location.start.line;
}

function scoreOf(file: string, results: readonly MutantResult[], seconds: number): FileScore {
  const source = readFileSync(`${root}/${file}`, 'utf8');
  const mine = results.filter((mutant) => mutant.fileName.endsWith(file));
  // A "survivor" that completed no test is one under which the test files failed to load (a
  // top-level mutant that throws on import): StrykerJS 9.6 keeps only the tests it collected and
  // calls that survived. Every test file failing counts as killed here.
  const brokeImport = mine.filter((mutant) => mutant.status === 'Survived' && mutant.testsCompleted === 0);
  for (const mutant of brokeImport) console.log(`  killed (the tests failed to load) ${file}:${lineOf(mutant)} ${mutant.mutatorName}`);
  const killed = mine.filter((mutant) => mutant.status === 'Killed' || mutant.status === 'Timeout').length + brokeImport.length;
  const alive = mine.filter((mutant) => (mutant.status === 'Survived' || mutant.status === 'NoCoverage') && !brokeImport.includes(mutant));
  const equivalent = alive.filter((mutant) => isDocumentedEquivalent(file, source, mutant));
  const survivors = alive.filter((mutant) => !equivalent.includes(mutant));
  for (const mutant of survivors) {
    console.log(`  ${mutant.status.padEnd(10)} ${file}:${lineOf(mutant)} ${mutant.mutatorName}: ${mutant.replacement}`.replace(/\s+/g, ' '));
  }
  const invalid = mine.filter((mutant) => mutant.status === 'CompileError' || mutant.status === 'RuntimeError').length;
  const counted = killed + survivors.length;
  return {
    file,
    mutants: mine.length,
    killed,
    survived: survivors.filter((mutant) => mutant.status === 'Survived').length,
    noCoverage: survivors.filter((mutant) => mutant.status === 'NoCoverage').length,
    equivalent: equivalent.length,
    invalid,
    seconds,
    score: counted === 0 ? 100 : (100 * killed) / counted,
  };
}

async function mutateOne(file: string): Promise<FileScore> {
  const testFiles = testFilesOf(file);
  if (testFiles.length === 0) throw new Error(`No test file of ${file} exists; see tests/mutation/targets.ts.`);
  console.log(`\n== ${file} against ${testFiles.join(', ')}`);
  const slug = slugOf(file);
  const started = Date.now();
  // The tests go to vitest's configuration (tests/mutation/vitest.config.ts reads this variable,
  // which Stryker's test runner processes inherit), not to Stryker's testFiles: given testFiles,
  // StrykerJS 9.6 activates a mutant of a module's top-level code only after the module has loaded,
  // so every such mutant survives whatever the tests (stryker-js issues 6144 and 6209).
  process.env[MUTATION_TEST_FILES_VARIABLE] = testFiles.join(',');
  const results = await new Stryker({
    mutate: [file],
    incrementalFile: `reports/mutation/incremental/${slug}.json`,
    force: args.force,
    ...(args.concurrency === undefined ? {} : { concurrency: Number(args.concurrency) }),
    jsonReporter: { fileName: `reports/mutation/files/${slug}.json` },
    htmlReporter: { fileName: `reports/mutation/files/${slug}.html` },
  }).runMutationTest();
  return scoreOf(file, results, Math.round((Date.now() - started) / 1000));
}

function table(scores: readonly FileScore[]): string {
  const rows = scores.map(
    (row) =>
      `| \`${row.file}\` | ${row.mutants} | ${row.killed} | ${row.survived} | ${row.noCoverage} | ${row.equivalent} | ${row.invalid} | ${row.score.toFixed(1)}% | ${row.seconds} s |`,
  );
  return ['| file | mutants | killed | survived | no coverage | equivalent | invalid | score | time |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n');
}

const files = selectedFiles();
if (files.length === 0) {
  console.log('No rule file under mutation testing changed.');
  process.exit(0);
}
if (args.list) {
  for (const file of files) console.log(`${file}: ${testFilesOf(file).join(', ')}`);
  process.exit(0);
}
console.log(`${equivalentMutants().length} mutants are documented as equivalent (tests/mutation/EQUIVALENT.md).`);
const scores: FileScore[] = [];
for (const file of files) scores.push(await mutateOne(file));
const summary = table(scores);
mkdirSync(`${root}/reports/mutation`, { recursive: true });
writeFileSync(`${root}/reports/mutation/summary.md`, `${summary}\n`);
console.log(`\n${summary}\n`);
const breakAt = args.break === undefined ? null : Number(args.break);
const below = breakAt === null ? [] : scores.filter((row) => row.score < breakAt);
if (below.length > 0) {
  console.error(`Below ${breakAt}%: ${below.map((row) => row.file).join(', ')}. Kill the survivors listed above with a test, or document them in tests/mutation/EQUIVALENT.md.`);
  process.exitCode = 1;
}

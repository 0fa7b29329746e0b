import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { icdEditions, type IcdEdition } from '#shared/modules/diagnosis-codes/code-format.ts';
import { editionFromFileName } from '#shared/modules/diagnosis-codes/tabular-file.ts';
import { openDatabase } from '../../db/open.ts';
import { DatabaseRefusedError } from '../../db/migration-plan.ts';
import { isoAt } from '../../platform/clock.ts';
import { backupsDirIn, databaseFileIn, defaultUserDataDir, sourcePaths } from '../../platform/paths.ts';
import { importCodeFile, ImportRefusedError } from './import-file.ts';

// `npm run icd:import -- FILE [--data-dir DIR] [--edition "ICD-10-CM"|"WHO ICD-10"] [--version 2025]`:
// loads a published tabular file (the CMS order file or codes file) into the workstation database
// of the data folder the app uses (CLINIC_DATA_DIR or --data-dir override it), replacing its code
// set in one transaction. The running app notices the new set at its next search.

class UsageError extends Error {}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function isEdition(text: string): text is IcdEdition {
  return (icdEditions as readonly string[]).includes(text);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options: { 'data-dir': { type: 'string' }, edition: { type: 'string' }, version: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : 'Unrecognised arguments.');
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) throw new UsageError('Name one file: npm run icd:import -- path/to/icd10cm_order_2025.txt');
  const named = editionFromFileName(basename(file));
  const edition = parsed.values.edition ?? named?.edition;
  const version = parsed.values.version ?? named?.version;
  if (edition === undefined || !isEdition(edition)) throw new UsageError(`Say which edition the file is: --edition "ICD-10-CM" or --edition "WHO ICD-10".`);
  if (version === undefined || version.trim() === '') throw new UsageError('Say which version the file is, e.g. --version 2025.');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read ${file}.`);
  }
  const dataDir = parsed.values['data-dir'] ?? defaultUserDataDir();
  const nowMs = Date.now();
  const opened = await openDatabase({ file: databaseFileIn(dataDir), migrationsDir: sourcePaths.sqliteMigrations, backupsDir: backupsDirIn(dataDir), nowMs });
  try {
    const codeSet = importCodeFile(opened.db, text, { fileName: basename(file), edition, version: version.trim(), loadedAt: isoAt(nowMs) });
    say(`Imported ${String(codeSet.codeCount)} codes of ${codeSet.edition} ${codeSet.version} into ${databaseFileIn(dataDir)}.`);
  } finally {
    opened.sqlite.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof UsageError || error instanceof ImportRefusedError || error instanceof DatabaseRefusedError;
  process.stderr.write(`${known && error instanceof Error ? error.message : 'The import failed; see below.'}\n`);
  if (!known) process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});

import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseInteractionCsv } from '#shared/modules/medicines/knowledge/interaction-record.ts';
import { openDatabase } from '../../db/open.ts';
import { backupsDirIn, databaseFileIn, defaultUserDataDir, sourcePaths } from '../../platform/paths.ts';
import { replaceInteractions } from './interaction-store.ts';

// `npm run interactions:import -- FILE.csv [--data-dir DIR]`: replaces this workstation's
// interaction knowledge base with a licensed or published one. The same as the Interactions
// screen of Administration: the whole file or nothing. The app picks the new pairs up when it
// next starts; the screen's import takes effect at once.

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { 'data-dir': { type: 'string' } }, allowPositionals: true, strict: true });
  const [file] = positionals;
  if (file === undefined || positionals.length !== 1) {
    say('Usage: npm run interactions:import -- FILE.csv [--data-dir DIR]');
    return 2;
  }
  const dataDir = values['data-dir'] ?? defaultUserDataDir();
  const databaseFile = databaseFileIn(dataDir);
  if (!existsSync(databaseFile)) {
    say(`There is no clinic database in ${dataDir}: start the app there once, or give --data-dir.`);
    return 1;
  }
  const parsed = parseInteractionCsv(readFileSync(file, 'utf8'));
  if (!parsed.ok) {
    say('Nothing was imported.');
    for (const problem of parsed.problems) say(`  ${problem}`);
    return 1;
  }
  const opened = await openDatabase({ file: databaseFile, migrationsDir: sourcePaths.sqliteMigrations, backupsDir: backupsDirIn(dataDir), nowMs: Date.now() });
  try {
    opened.db.transaction((tx) => replaceInteractions(tx, parsed.records));
  } finally {
    opened.sqlite.close();
  }
  say(`${String(parsed.records.length)} interaction pairs imported into ${databaseFile}.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

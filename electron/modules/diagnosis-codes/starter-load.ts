import type { Db } from '../../db/database.ts';
import { currentCodeSet, replaceCodeSet } from './code-set-store.ts';
import { STARTER_EDITION, STARTER_RELEASE, STARTER_VERSION } from './data/starter-codes.ts';
import { starterCodes } from './starter-list.ts';

export const STARTER_FILE_NAME = `starter list ${STARTER_VERSION}`;

/**
 * Loads the shipped starter list when the workstation has no code set, or holds an older starter
 * list; a code set an administrator imported stays. Returns whether it loaded.
 */
export function ensureStarterCodes(db: Db, loadedAt: string): boolean {
  return db.transaction((tx) => {
    const current = currentCodeSet(tx);
    if (current !== null && (current.source === 'IMPORT' || current.fileName === STARTER_FILE_NAME)) return false;
    replaceCodeSet(tx, { codes: starterCodes(), edition: STARTER_EDITION, version: STARTER_RELEASE, source: 'STARTER', fileName: STARTER_FILE_NAME, loadedAt });
    return true;
  });
}

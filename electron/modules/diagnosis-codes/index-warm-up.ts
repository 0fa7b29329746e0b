import type { OpenedDatabase } from '../../db/database.ts';
import { createLogger } from '../../platform/logger.ts';
import { searchIndexOf } from './code-search.ts';

const log = createLogger('diagnosis-codes');
// Long enough for the app to finish starting and draw its first screen; well before anyone signs
// in and reaches a diagnosis.
const WARM_UP_DELAY_MS = 3000;

/**
 * Builds the search index of the loaded code set shortly after start, so the first doctor to
 * search a full code set does not wait for it. A database closed by then is left alone.
 */
export function warmUpSearchIndexLater(database: OpenedDatabase): void {
  const timer = setTimeout(() => {
    if (!database.sqlite.open) return;
    try {
      searchIndexOf(database.db);
    } catch (error) {
      // The first search builds it instead; nothing is lost.
      log.warn('the diagnosis code index was not built ahead of the first search', { reason: error instanceof Error ? error.message : String(error) });
    }
  }, WARM_UP_DELAY_MS);
  timer.unref();
}

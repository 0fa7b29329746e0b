import { defineCoreModule } from '../define.ts';
import { isoAt } from '../../platform/clock.ts';
import { diagnosisCodeHandlers } from './handlers.ts';
import { warmUpSearchIndexLater } from './index-warm-up.ts';
import { ensureStarterCodes } from './starter-load.ts';

export const diagnosisCodesCoreModule = defineCoreModule({
  name: 'diagnosis-codes',
  handlers: diagnosisCodeHandlers,
  atStart: (database, nowMs) => {
    ensureStarterCodes(database.db, isoAt(nowMs));
    warmUpSearchIndexLater(database);
  },
});

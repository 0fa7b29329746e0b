import { defineCoreModule } from '../define.ts';
import { isoAt } from '../../platform/clock.ts';
import { diagnosisCodeHandlers } from './handlers.ts';
import { ensureStarterCodes } from './starter-load.ts';

export const diagnosisCodesCoreModule = defineCoreModule({
  name: 'diagnosis-codes',
  handlers: diagnosisCodeHandlers,
  atStart: (db, nowMs) => {
    ensureStarterCodes(db, isoAt(nowMs));
  },
});

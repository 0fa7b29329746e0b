import { addBillableSource, addSigningStep } from '../consultation/index.ts';
import { defineCoreModule } from '../define.ts';
import { proceduresHandlers } from './handlers.ts';
import { markPerformedSteps, procedureItems } from './performed-steps.ts';

// Signing the encounter marks the plan steps its procedures carry out as done; completing it
// bills the procedures, each in the same transaction as the encounter's own change.
addSigningStep(markPerformedSteps);
addBillableSource(procedureItems);

export const proceduresCoreModule = defineCoreModule({ name: 'procedures', handlers: proceduresHandlers });

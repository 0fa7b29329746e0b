import { defineRendererModule } from '../define.ts';
import { ProceduresPanel } from './ProceduresPanel.tsx';
import { TreatmentPlansSection } from './TreatmentPlansSection.tsx';

export const procedureScreens = defineRendererModule({
  name: 'procedures',
  navigation: [],
  encounterPanels: [{ key: 'procedures', Panel: ProceduresPanel }],
  chartSections: [{ key: 'treatment-plans', Section: TreatmentPlansSection }],
});

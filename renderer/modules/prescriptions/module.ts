import { defineRendererModule } from '../define.ts';
import { PrescriptionHistory } from './PrescriptionHistory.tsx';
import { PrescriptionPanel } from './PrescriptionPanel.tsx';

// No tab of its own: the prescription is written on the encounter screen and read on the chart.
export const prescriptionScreens = defineRendererModule({
  name: 'prescriptions',
  navigation: [],
  encounterPanels: [{ key: 'prescriptions', Panel: PrescriptionPanel }],
  chartSections: [{ key: 'prescriptions', Section: PrescriptionHistory }],
});

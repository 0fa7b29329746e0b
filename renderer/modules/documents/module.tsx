import type { EncounterPanelProps } from '../define.ts';
import { defineRendererModule } from '../define.ts';
import { DocumentsPanel } from './DocumentsPanel.tsx';

function ChartDocuments({ patientId }: { readonly patientId: string }) {
  return <DocumentsPanel patientId={patientId} encounterId={null} heading="Documents" />;
}

function EncounterDocuments({ patientId, encounterId }: EncounterPanelProps) {
  return <DocumentsPanel patientId={patientId} encounterId={encounterId} heading="Documents of this encounter" />;
}

export const documentScreens = defineRendererModule({
  name: 'documents',
  navigation: [],
  chartSections: [{ key: 'documents', Section: ChartDocuments }],
  encounterPanels: [{ key: 'documents', Panel: EncounterDocuments }],
});

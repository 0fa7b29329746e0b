import { defineRendererModule } from '../define.ts';
import { ChartPage } from './ChartPage.tsx';
import { ChartsTab } from './ChartsTab.tsx';
import { EncounterPage } from './EncounterPage.tsx';
import { WorklistTab } from './WorklistTab.tsx';

export const consultationScreens = defineRendererModule({
  name: 'consultation',
  navigation: [
    { section: 'consultation', tab: 'worklist', label: 'Worklist', roles: ['DOCTOR'], Screen: WorklistTab },
    { section: 'consultation', tab: 'charts', label: 'Patient charts', roles: ['DOCTOR', 'STAFF'], Screen: ChartsTab },
  ],
  recordPages: [
    { section: 'consultation', tab: 'encounter', Page: EncounterPage },
    { section: 'consultation', tab: 'chart', Page: ChartPage },
  ],
  conflicts: {
    NOTE_DRAFTS_DIVERGED: {
      label: 'Note written twice',
      sentence: 'Two workstations changed the note of one visit while apart, and both versions are kept. The doctor chooses what to keep on the visit’s screen before signing; that settles it here too.',
      actions: () => [],
    },
  },
});

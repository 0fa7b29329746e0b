import { defineRendererModule } from '../define.ts';
import { QueueTab } from './QueueTab.tsx';
import { WalkInShortcut } from './WalkInShortcut.tsx';

export const queueScreens = defineRendererModule({
  name: 'queue',
  navigation: [{ section: 'reception', tab: 'queue', label: 'Queue', roles: ['ADMIN', 'STAFF', 'DOCTOR'], Screen: QueueTab }],
  headerWidget: WalkInShortcut,
  conflicts: {
    DUPLICATE_TOKEN: {
      label: 'Two queue tokens with one number',
      sentence: 'Two patients in today’s queue hold the same token. Give one a new number, or keep both.',
      actions: (rows) => rows.map((row) => ({ label: `Renumber ${row.label}`, action: { kind: 'renumberToken', entryId: row.id } })),
    },
  },
});

/**
 * Two workstations changed the note of one encounter while apart: both drafts are kept, and the
 * doctor chooses what to keep on the encounter's screen before signing, which settles the
 * conflict. The Sync screen lists it so it is not missed; it offers no action of its own.
 */
export const noteDraftsDivergedConflict = {
  kind: 'NOTE_DRAFTS_DIVERGED',
  actions: [],
} as const;

import { useHotkeys } from '@mantine/hooks';
import { useIsFrontDesk } from '../../state/clinic-hooks.ts';
import { useAppStore } from '../../state/store.ts';
import { closeWalkIn, openWalkIn, useWalkInLauncher, WALK_IN_SHORTCUT } from './walk-in-launcher.ts';
import { WalkInModal } from './WalkInModal.tsx';

/** Whether a dialog already holds the desk's attention: a shortcut never opens another on top. */
function aDialogIsOpen(): boolean {
  return document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}

/**
 * The header's part of the queue: F4 opens "Add walk-in" from anywhere on reception (in a text
 * field too), for the patient whose record is showing if there is one; and the one walk-in dialog.
 */
export function WalkInShortcut() {
  const frontDesk = useIsFrontDesk();
  const section = useAppStore((state) => state.route.section);
  const opened = useWalkInLauncher((state) => state.opened);
  useHotkeys(
    [
      [
        WALK_IN_SHORTCUT,
        () => {
          if (!frontDesk || section !== 'reception' || aDialogIsOpen()) return;
          openWalkIn(useWalkInLauncher.getState().recordPatient);
        },
      ],
    ],
    [],
  );
  if (opened === null) return null;
  return <WalkInModal patient={opened.patient} onClose={closeWalkIn} />;
}

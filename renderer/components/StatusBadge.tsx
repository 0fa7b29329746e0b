import { Badge, Tooltip } from '@mantine/core';
import { useAppStore } from '../state/store.ts';

/** Online, offline and sync state, shown on every screen; filled in once a hub is connected. */
export function StatusBadge() {
  const sync = useAppStore((state) => state.sync);
  if (sync.kind === 'local-only') {
    return (
      <Tooltip label="Data is kept on this workstation. Connecting a hub to share it comes with the sync update.">
        <Badge color="gray" variant="light" role="status" aria-label="Sync status: local only, no hub connected">
          Local only
        </Badge>
      </Tooltip>
    );
  }
  const waiting = sync.pending === 0 ? 'all changes sent' : `${sync.pending} changes waiting`;
  return (
    <Badge color={sync.kind === 'online' ? 'green' : 'orange'} variant="light" role="status" aria-label={`Sync status: ${sync.kind}, ${waiting}`}>
      {sync.kind === 'online' ? 'Online' : 'Offline'} · {waiting}
    </Badge>
  );
}

import { Badge, Group, Tooltip } from '@mantine/core';
import { attentionCount, attentionText, changesWaiting, syncStateColors, syncStateLabels } from '../format/sync.ts';
import { formatDateTime, formatTime, todayIn } from '../format/time.ts';
import { useClinicZone } from '../state/clinic-hooks.ts';
import { useAppStore } from '../state/store.ts';

function lastSyncWords(lastSyncAt: string | null, zone: string): string {
  if (lastSyncAt === null) return 'never synced';
  const sameDay = todayIn(zone, new Date(lastSyncAt)) === todayIn(zone);
  return `last sync ${sameDay ? formatTime(lastSyncAt, zone) : formatDateTime(lastSyncAt, zone)}`;
}

/**
 * Sync at a glance on every screen: state, changes waiting, the last good sync and what needs a
 * person. Clicking it opens the Sync screen, where each of those is explained.
 */
export function StatusBadge() {
  const status = useAppStore((state) => state.syncStatus);
  const navigate = useAppStore((state) => state.navigate);
  const zone = useClinicZone();
  const open = (): void => navigate({ section: 'sync', tab: null });
  if (status === null || status.state === 'standalone') {
    return (
      <Group gap={4} role="status" aria-label="Sync status: local only, no hub connected">
        <Tooltip label="Data is kept on this workstation only. An administrator can connect it to a hub on the Sync screen.">
          <Badge component="button" type="button" onClick={open} color="gray" variant="light" style={{ cursor: 'pointer' }}>
            Local only
          </Badge>
        </Tooltip>
      </Group>
    );
  }
  const waiting = changesWaiting(status.pendingChanges);
  const lastSync = lastSyncWords(status.lastSyncAt, zone);
  const attention = attentionCount(status);
  // The badge stays short so the header keeps one line; the last sync is in its tooltip and name.
  const text = `${syncStateLabels[status.state]} · ${waiting}`;
  const summary = [`Sync status: ${syncStateLabels[status.state].toLowerCase()}`, waiting, lastSync, attention > 0 ? `${attentionText(status)} to resolve` : null].filter((part) => part !== null).join(', ');
  return (
    <Group gap={4} role="status" aria-label={summary} wrap="nowrap">
      <Tooltip label={status.lastError ?? lastSync}>
        <Badge component="button" type="button" onClick={open} color={syncStateColors[status.state]} variant="light" style={{ cursor: 'pointer' }}>
          {text}
        </Badge>
      </Tooltip>
      {attention > 0 && (
        <Badge component="button" type="button" onClick={open} color="red" variant="filled" style={{ cursor: 'pointer' }}>
          {attentionText(status)}
        </Badge>
      )}
    </Group>
  );
}

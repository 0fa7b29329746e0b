import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useCall } from '../../api/use-call.ts';
import { VirtualList } from '../../components/VirtualList.tsx';
import { formatDateTime } from '../../format/time.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';

/** The outbox as the hub has not yet acknowledged it; after a long outage it can be long. */
export function PendingChangesPanel({ pendingChanges }: { pendingChanges: number }) {
  const zone = useClinicZone();
  const pending = useCall('sync.pending', {});
  const { reload } = pending;
  // A push empties the outbox without changing clinic data, so the count is what tells us to look again.
  useEffect(() => reload(), [pendingChanges, reload]);
  return (
    <Stack gap="xs" component="section" aria-label="Changes waiting">
      <Title order={2} size="h4">
        Changes waiting to go up
      </Title>
      {pending.status === 'loading' || pending.status === 'idle' ? (
        <Loader size="sm" aria-label="Loading changes waiting" />
      ) : pending.status === 'failed' ? (
        <Alert color="red" role="alert">
          {pending.error.message}
        </Alert>
      ) : pending.result.total === 0 ? (
        <Text size="sm">Every change made here has reached the hub.</Text>
      ) : (
        <>
          <Text size="sm">
            {pending.result.total} change{pending.result.total === 1 ? '' : 's'} waiting{pending.result.total > pending.result.changes.length ? `; the oldest ${String(pending.result.changes.length)} are listed` : ''}.
          </Text>
          <VirtualList
            items={pending.result.changes}
            rowHeight={32}
            height={Math.min(320, pending.result.changes.length * 32 + 4)}
            label="Changes waiting"
            getKey={(change) => `${change.table}:${change.rowId}:${change.kind}:${change.stampedAt}`}
            renderRow={(change) => (
              <Group gap="md" px="xs" h={32} wrap="nowrap">
                <Text size="sm" w={180} truncate>
                  {change.table}
                </Text>
                <Text size="sm" w={80}>
                  {change.kind.toLowerCase()}
                </Text>
                <Text size="sm" c="dimmed" w={200}>
                  {formatDateTime(change.stampedAt, zone)}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace" truncate>
                  {change.rowId}
                </Text>
              </Group>
            )}
          />
        </>
      )}
    </Stack>
  );
}

import { Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SyncStatus } from '#shared/api/calls/sync.ts';
import { api } from '../../api/api.ts';
import { messageOf } from '../../forms/schema-form.ts';
import { changesWaiting, syncStateColors, syncStateLabels, syncStateSentences } from '../../format/sync.ts';
import { formatDateTime } from '../../format/time.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';
import { useAppStore } from '../../state/store.ts';

function Fact({ label, children }: { label: string; children: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" aria-label={label}>
        {children}
      </Text>
    </div>
  );
}

/** State, hub, last sync and last error in words, and "Sync now". */
export function SyncOverview({ status }: { status: SyncStatus | null }) {
  const applySyncStatus = useAppStore((state) => state.applySyncStatus);
  const zone = useClinicZone();
  const [syncing, setSyncing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const state = status?.state ?? 'standalone';
  const syncNow = async (): Promise<void> => {
    setSyncing(true);
    setNotice(null);
    try {
      applySyncStatus(await api.call('sync.now', {}));
    } catch (error) {
      setNotice(messageOf(error));
    } finally {
      setSyncing(false);
    }
  };
  return (
    <Paper withBorder p="md" aria-label="Sync state" component="section">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Badge color={syncStateColors[state]} size="lg" variant="light" aria-label="State">
              {syncStateLabels[state]}
            </Badge>
            {status !== null && status.state !== 'standalone' && <Text size="sm">{status.live ? 'Live updates from the hub' : 'Checking the hub from time to time'}</Text>}
          </Group>
          {state !== 'standalone' && (
            <Button onClick={() => void syncNow()} loading={syncing}>
              Sync now
            </Button>
          )}
        </Group>
        <Text size="sm">{syncStateSentences[state]}</Text>
        {status !== null && state !== 'standalone' && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Fact label="Hub address">{status.hubUrl ?? '—'}</Fact>
            <Fact label="Last sync">{status.lastSyncAt === null ? 'Not yet' : formatDateTime(status.lastSyncAt, zone)}</Fact>
            <Fact label="Changes waiting">{changesWaiting(status.pendingChanges)}</Fact>
          </SimpleGrid>
        )}
        {status?.bootstrap != null && <Progress value={status.bootstrap.total === 0 ? 100 : (100 * status.bootstrap.done) / status.bootstrap.total} aria-label="Loading the clinic" />}
        {status?.lastError != null && (
          <Text size="sm" c="red" aria-label="Last error">
            {status.lastError}
          </Text>
        )}
        {notice !== null && (
          <Text size="sm" c="red" role="alert">
            {notice}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

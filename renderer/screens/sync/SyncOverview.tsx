import { Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SyncStatus } from '#shared/api/calls/sync.ts';
import { api } from '../../api/api.ts';
import { messageOf } from '../../forms/schema-form.ts';
import { changesWaiting, comparisonText, syncStateColors, syncStateLabels, syncStateSentences } from '../../format/sync.ts';
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

/** State, hub, last sync, the last comparison and last error in words, "Sync now", and for administrators "Compare with the hub". */
export function SyncOverview({ status, canCompare }: { status: SyncStatus | null; canCompare: boolean }) {
  const applySyncStatus = useAppStore((state) => state.applySyncStatus);
  const zone = useClinicZone();
  const [running, setRunning] = useState<'sync.now' | 'sync.compare' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const state = status?.state ?? 'standalone';
  const run = async (call: 'sync.now' | 'sync.compare'): Promise<void> => {
    setRunning(call);
    setNotice(null);
    try {
      applySyncStatus(await api.call(call, {}));
    } catch (error) {
      setNotice(messageOf(error));
    } finally {
      setRunning(null);
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
            <Group gap="xs">
              {canCompare && (
                <Button variant="default" onClick={() => void run('sync.compare')} loading={running === 'sync.compare'} disabled={running !== null}>
                  Compare with the hub
                </Button>
              )}
              <Button onClick={() => void run('sync.now')} loading={running === 'sync.now'} disabled={running !== null}>
                Sync now
              </Button>
            </Group>
          )}
        </Group>
        <Text size="sm">{syncStateSentences[state]}</Text>
        {status !== null && state !== 'standalone' && (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Fact label="Hub address">{status.hubUrl ?? '—'}</Fact>
            <Fact label="Last sync">{status.lastSyncAt === null ? 'Not yet' : formatDateTime(status.lastSyncAt, zone)}</Fact>
            <Fact label="Changes waiting">{changesWaiting(status.pendingChanges)}</Fact>
            <Fact label="Compared with the hub">{comparisonText(status.lastCheck, (at) => formatDateTime(at, zone))}</Fact>
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

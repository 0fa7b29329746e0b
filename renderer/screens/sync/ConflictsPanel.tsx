import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { SyncConflict } from '#shared/api/calls/sync.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { messageOf } from '../../forms/schema-form.ts';
import { formatDateTime } from '../../format/time.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';
import { actionsFor, conflictKindLabel, conflictKindSentence, type ConflictAction } from './conflict-actions.ts';

function ConflictCard({ conflict, canResolve, onResolved }: { conflict: SyncConflict; canResolve: boolean; onResolved: () => void }) {
  const zone = useClinicZone();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const resolve = async (label: string, action: ConflictAction): Promise<void> => {
    setBusy(label);
    setFailure(null);
    try {
      const resolved = await api.call('sync.resolveConflict', { conflictId: conflict.id, action });
      notifications.show({ color: 'green', message: `Conflict resolved: ${resolved.resolution}.` });
      onResolved();
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(null);
    }
  };
  const title = conflictKindLabel(conflict.kind);
  return (
    <Paper withBorder p="sm" role="group" aria-label={`${title}: ${conflict.rows.map((row) => row.label).join(' and ')}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{title}</Text>
          <Text size="xs" c="dimmed">
            Found {formatDateTime(conflict.detectedAt, zone)}
          </Text>
        </Group>
        <Text size="sm">{conflictKindSentence(conflict.kind)}</Text>
        {conflict.rows.map((row) => (
          <div key={row.id}>
            <Text size="sm" fw={500}>
              {row.label}
            </Text>
            <Text size="xs" c="dimmed">
              {row.detail}
            </Text>
          </div>
        ))}
        {failure !== null && (
          <Alert color="red" role="alert" title="Not resolved">
            {failure}
          </Alert>
        )}
        {canResolve ? (
          <Group gap="xs">
            {actionsFor(conflict).map(({ label, action }) => (
              <Button key={label} size="xs" variant={action.kind === 'keepBoth' ? 'default' : 'light'} loading={busy === label} disabled={busy !== null && busy !== label} onClick={() => void resolve(label, action)}>
                {label}
              </Button>
            ))}
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            The front desk or an administrator resolves this.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** What the merge of two workstations' changes could not decide for the clinic. */
export function ConflictsPanel({ canResolve }: { canResolve: boolean }) {
  const conflicts = useCall('sync.conflicts', { includeResolved: false });
  return (
    <Stack gap="xs" component="section" aria-label="Conflicts">
      <Title order={2} size="h4">
        Conflicts
      </Title>
      {conflicts.status === 'loading' || conflicts.status === 'idle' ? (
        <Loader size="sm" aria-label="Loading conflicts" />
      ) : conflicts.status === 'failed' ? (
        <Alert color="red" role="alert">
          {conflicts.error.message}
        </Alert>
      ) : conflicts.result.conflicts.length === 0 ? (
        <Text size="sm">No conflicts to resolve.</Text>
      ) : (
        conflicts.result.conflicts.map((conflict) => <ConflictCard key={conflict.id} conflict={conflict} canResolve={canResolve} onResolved={conflicts.reload} />)
      )}
    </Stack>
  );
}

import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { messageOf } from '../../forms/schema-form.ts';
import { formatDateTime } from '../../format/time.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';

/** Changes the hub refused for good: shown until an administrator has read and dismissed them. */
export function RejectionsPanel() {
  const zone = useClinicZone();
  const rejections = useCall('sync.rejections', {});
  const [failure, setFailure] = useState<string | null>(null);
  const dismiss = async (rejectionId: number): Promise<void> => {
    setFailure(null);
    try {
      await api.call('sync.dismissRejection', { rejectionId });
      rejections.reload();
    } catch (error) {
      setFailure(messageOf(error));
    }
  };
  return (
    <Stack gap="xs" component="section" aria-label="Refused changes">
      <Title order={2} size="h4">
        Refused changes
      </Title>
      {failure !== null && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      {rejections.status === 'loading' || rejections.status === 'idle' ? (
        <Loader size="sm" aria-label="Loading refused changes" />
      ) : rejections.status === 'failed' ? (
        <Alert color="red" role="alert">
          {rejections.error.message}
        </Alert>
      ) : rejections.result.rejections.length === 0 ? (
        <Text size="sm">The hub has refused no change.</Text>
      ) : (
        rejections.result.rejections.map((rejection) => (
          <Paper key={rejection.id} withBorder p="sm" role="group" aria-label={`Refused change ${String(rejection.id)}`}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Text size="sm" fw={500}>
                  {rejection.message}
                </Text>
                <Text size="xs" c="dimmed">
                  {rejection.code} · {formatDateTime(rejection.rejectedAt, zone)} · {rejection.changes} change{rejection.changes === 1 ? '' : 's'} to {rejection.tables.join(', ')}
                </Text>
              </div>
              <Button size="xs" variant="default" onClick={() => void dismiss(rejection.id)}>
                Dismiss
              </Button>
            </Group>
          </Paper>
        ))
      )}
    </Stack>
  );
}

import { Alert, Button, Code, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { messageOf } from '../../forms/schema-form.ts';
import { formatDateTime } from '../../format/time.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';

/** A one-time code another workstation enters on its setup screen to join this clinic. */
export function JoinCodePanel() {
  const zone = useClinicZone();
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async (): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      setCode(await api.call('sync.createJoinCode', {}));
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-label="Add a workstation">
      <Stack gap="xs" maw={640}>
        <Title order={2} size="h4">
          Add a workstation
        </Title>
        <Text size="sm">On the new workstation choose “Join an existing clinic”, then enter the hub address and this code. The code works once.</Text>
        {code !== null && (
          <Alert color="teal" title="Code for the new workstation">
            <Code fz="lg" aria-label="Join code">
              {code.code}
            </Code>
            <Text size="sm" mt="xs">
              Valid until {formatDateTime(code.expiresAt, zone)}.
            </Text>
          </Alert>
        )}
        {failure !== null && (
          <Alert color="red" role="alert" title="No code">
            {failure}
          </Alert>
        )}
        <Button variant="light" onClick={() => void create()} loading={busy} w="fit-content">
          Create a join code
        </Button>
      </Stack>
    </Paper>
  );
}

import { Alert, Center, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { api } from '../../api/api.ts';
import { useAppStore } from '../../state/store.ts';

const POLL_MS = 250;

/**
 * A joining workstation loads its clinic page by page. Nobody is signed in yet, so there is no
 * event stream: the screen asks the core how far it got until the clinic is here, then sign-in shows.
 */
export function JoiningScreen() {
  const joining = useAppStore((state) => state.joining);
  const applyStatus = useAppStore((state) => state.applyStatus);
  useEffect(() => {
    let stopped = false;
    const timer = window.setInterval(() => {
      api.call('system.status', {}).then(
        (status) => {
          if (!stopped) applyStatus(status);
        },
        () => undefined,
      );
    }, POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [applyStatus]);
  const done = joining?.done ?? 0;
  const total = Math.max(joining?.total ?? 0, done);
  const percent = total === 0 ? 0 : Math.round((100 * done) / total);
  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder p="xl" radius="md" w={480}>
        <Stack>
          <Title order={1} size="h2">
            Joining the clinic
          </Title>
          <Text size="sm">The clinic’s records and its staff’s accounts are loading from the hub. Sign-in opens when they are all here; it can carry on after a restart.</Text>
          <Progress value={percent} size="lg" aria-label="Loading the clinic" aria-valuetext={`${String(done)} of ${String(total)} rows`} />
          <Text size="sm" aria-label="Rows loaded">
            {done} of {total} rows
          </Text>
          {joining?.error != null && (
            <Alert color="orange" role="alert" title="Waiting for the hub">
              {joining.error}
            </Alert>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}

import { Alert, Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { messageOf } from '../../forms/schema-form.ts';

/** The waiting-room screen's address: made here, shown once, revocable. */
export function DisplayLinkPanel() {
  const [link, setLink] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const create = async (): Promise<void> => {
    try {
      const { path } = await api.call('display.createLink', {});
      setLink(new URL(path, window.location.href).toString());
      setNotice(null);
    } catch (error) {
      setNotice(messageOf(error));
    }
  };
  const revoke = async (): Promise<void> => {
    try {
      const { revoked } = await api.call('display.revokeLinks', {});
      setLink(null);
      setNotice(`${String(revoked)} screen link${revoked === 1 ? '' : 's'} revoked; those screens go blank.`);
    } catch (error) {
      setNotice(messageOf(error));
    }
  };
  return (
    <Stack maw={720} gap="xs">
      <Title order={2} size="h4">
        Waiting-room screen
      </Title>
      <Text size="sm">A screen in the waiting room shows the queue’s tokens and rooms (never names). Open its link in the screen’s browser, on this computer or on the clinic’s network when the web host serves it there.</Text>
      {link !== null && (
        <Alert color="teal" title="Screen link (shown once)">
          <Code block aria-label="Screen link">
            {link}
          </Code>
        </Alert>
      )}
      {notice !== null && <Text size="sm">{notice}</Text>}
      <Group>
        <Button variant="light" onClick={() => void create()}>
          Create screen link
        </Button>
        <Button variant="default" color="red" onClick={() => void revoke()}>
          Revoke all screen links
        </Button>
      </Group>
    </Stack>
  );
}

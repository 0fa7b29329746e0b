import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import { contract } from '#shared/api/contract.ts';
import { api } from '../api/api.ts';
import { messageOf } from '../forms/schema-form.ts';
import { useAppStore } from '../state/store.ts';

export function SignInScreen() {
  const applySession = useAppStore((state) => state.applySession);
  const notice = useAppStore((state) => state.signInNotice);
  const deviceName = useAppStore((state) => state.deviceName);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { username: '', password: '' },
    validate: schemaResolver(contract['auth.signIn'].input, { sync: true }),
  });

  // A new attempt replaces the last one's refusal, even one the form stops before sending:
  // "Wrong username or password" must not stand beside "Username is required".
  const submit = form.onSubmit(
    async (values) => {
      setFailure(null);
      try {
        applySession(await api.call('auth.signIn', values));
      } catch (error) {
        setFailure(messageOf(error));
        form.setFieldValue('password', '');
      }
    },
    () => setFailure(null),
  );

  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder p="xl" radius="md" w={380}>
        <form onSubmit={submit} noValidate aria-label="Sign in">
          <Stack>
            <Title order={1} size="h2">
              Sign in
            </Title>
            <Text c="dimmed" size="sm">
              Clinic Desk on {deviceName}
            </Text>
            {notice !== null && failure === null && (
              <Alert color="blue" role="status">
                {notice}
              </Alert>
            )}
            {failure !== null && (
              <Alert color="red" role="alert" title="Not signed in">
                {failure}
              </Alert>
            )}
            <TextInput label="Username" autoComplete="username" autoFocus required {...form.getInputProps('username')} />
            <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
            <Button type="submit" loading={form.submitting}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

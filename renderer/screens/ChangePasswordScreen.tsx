import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import { contract } from '#shared/api/contract.ts';
import { api } from '../api/api.ts';
import { SignOutButton } from '../components/SignOutButton.tsx';
import { fieldErrorsOf, messageOf } from '../forms/schema-form.ts';
import { useAppStore } from '../state/store.ts';

/** After an administrator sets a password, its owner replaces it before working. */
export function ChangePasswordScreen() {
  const applySession = useAppStore((state) => state.applySession);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '' },
    validate: schemaResolver(contract['auth.changePassword'].input, { sync: true }),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      applySession(await api.call('auth.changePassword', values));
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (fields === null) setFailure(messageOf(error));
      else form.setErrors(fields);
    }
  });
  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder p="xl" radius="md" w={400}>
        <form onSubmit={submit} noValidate aria-label="Choose a new password">
          <Stack>
            <Title order={1} size="h2">
              Choose a new password
            </Title>
            <Text c="dimmed" size="sm">
              An administrator set your password. Choose your own before you continue.
            </Text>
            {failure !== null && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            <PasswordInput label="Current password" autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
            <PasswordInput label="New password" autoComplete="new-password" description="At least 8 characters" required {...form.getInputProps('newPassword')} />
            <Button type="submit" loading={form.submitting}>
              Save new password
            </Button>
            <SignOutButton />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

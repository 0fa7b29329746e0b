import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { UserSummary } from '#shared/modules/users/calls.ts';
import { contract } from '#shared/api/contract.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useCallForm } from '../../forms/use-call-form.ts';

export function ResetPasswordModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { userId: user.id, newPassword: '' },
    validate: schemaResolver(contract['users.resetPassword'].input, { sync: true }),
  });
  const { failure, run } = useCallForm(form.setErrors);
  const submit = form.onSubmit(async (values) => {
    if (await run(() => api.call('users.resetPassword', values))) {
      notifications.show({ color: 'green', message: `Password reset for ${user.fullName}.` });
      onClose();
    }
  });
  return (
    <Modal opened onClose={onClose} title={`Reset the password of ${user.fullName}`}>
      <form onSubmit={submit} noValidate aria-label="Reset password">
        <Stack>
          <Text size="sm">
            This also lifts a lockout and signs {user.fullName} out everywhere. They choose their own password at the next sign-in.
          </Text>
          <FormAlert message={failure} />
          <PasswordInput label="New temporary password" required data-autofocus autoComplete="new-password" {...form.getInputProps('newPassword')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Reset password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

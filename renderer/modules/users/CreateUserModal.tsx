import { Button, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { contract } from '#shared/api/contract.ts';
import { roleLabels, roles, type Role } from '#shared/domain/roles.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useCallForm } from '../../forms/use-call-form.ts';

export const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));

export function CreateUserModal({ onClose }: { onClose: () => void }) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { fullName: '', username: '', email: '', phone: '', password: '', role: 'STAFF' as Role },
    validate: schemaResolver(contract['users.create'].input, { sync: true }),
  });
  const { failure, run } = useCallForm(form.setErrors);
  const submit = form.onSubmit(async (values) => {
    if (await run(() => api.call('users.create', values))) {
      notifications.show({ color: 'green', message: `${values.fullName} can now sign in as ${values.username.trim().toLowerCase()}.` });
      onClose();
    }
  });
  return (
    <Modal opened onClose={onClose} title="New user" size="lg">
      <form onSubmit={submit} noValidate aria-label="New user">
        <Stack>
          <FormAlert message={failure} />
          <TextInput label="Full name" required data-autofocus {...form.getInputProps('fullName')} />
          <SimpleGrid cols={2}>
            <TextInput label="Username" required autoComplete="off" {...form.getInputProps('username')} />
            <PasswordInput
              label="Temporary password"
              description="They choose their own at first sign-in"
              required
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
            <TextInput label="Email" type="email" {...form.getInputProps('email')} />
            <TextInput label="Phone" {...form.getInputProps('phone')} />
          </SimpleGrid>
          <Select label="Role in this clinic" required allowDeselect={false} data={roleOptions} {...form.getInputProps('role')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Create user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import type { UserSummary } from '#shared/modules/users/calls.ts';
import { contract } from '#shared/api/contract.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useCallForm } from '../../forms/use-call-form.ts';

export function EditUserModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { userId: user.id, fullName: user.fullName, email: user.email, phone: user.phone },
    validate: schemaResolver(contract['users.update'].input, { sync: true }),
  });
  const { failure, run } = useCallForm(form.setErrors);
  const submit = form.onSubmit(async (values) => {
    if (await run(() => api.call('users.update', values))) onClose();
  });
  return (
    <Modal opened onClose={onClose} title={`Edit ${user.fullName}`}>
      <form onSubmit={submit} noValidate aria-label="Edit user">
        <Stack>
          <FormAlert message={failure} />
          <TextInput label="Full name" required data-autofocus {...form.getInputProps('fullName')} />
          <TextInput label="Email" type="email" {...form.getInputProps('email')} />
          <TextInput label="Phone" {...form.getInputProps('phone')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

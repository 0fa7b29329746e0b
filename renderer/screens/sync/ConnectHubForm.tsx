import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { contract } from '#shared/api/contract.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useCallForm } from '../../forms/use-call-form.ts';
import { useAppStore } from '../../state/store.ts';

/** The first workstation of a clinic links to a hub with the enrolment code the hub's operator gave. */
export function ConnectHubForm() {
  const applySyncStatus = useAppStore((state) => state.applySyncStatus);
  const form = useForm({
    mode: 'controlled',
    initialValues: { hubUrl: '', code: '' },
    validate: schemaResolver(contract['sync.connect'].input, { sync: true }),
    validateInputOnBlur: true,
  });
  const { failure, run } = useCallForm(form.setErrors);
  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      applySyncStatus(await api.call('sync.connect', values));
      notifications.show({ color: 'green', message: 'Connected to the hub; this workstation’s data is going up.' });
    });
  });
  return (
    <Paper withBorder p="md" component="section" aria-label="Connect to a hub">
      <form onSubmit={submit} noValidate aria-label="Connect to a hub">
        <Stack maw={520}>
          <Title order={2} size="h4">
            Connect to a hub
          </Title>
          <Text size="sm">The hub keeps the clinic’s workstations in step. Its operator gives an enrolment code for this clinic; this workstation’s data then goes up to the hub.</Text>
          <FormAlert message={failure} />
          <TextInput label="Hub address" placeholder="http://192.168.1.10:5290" required {...form.getInputProps('hubUrl')} />
          <TextInput label="Enrolment code" required autoComplete="off" {...form.getInputProps('code')} />
          <Button type="submit" loading={form.submitting} w="fit-content">
            Connect
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

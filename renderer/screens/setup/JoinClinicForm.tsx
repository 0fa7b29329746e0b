import { Button, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { contract } from '#shared/api/contract.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useCallForm } from '../../forms/use-call-form.ts';
import { useAppStore } from '../../state/store.ts';

/**
 * A new workstation of an existing clinic: the hub address and a join code made on a workstation
 * already connected. The clinic, its users included, then loads from the hub.
 */
export function JoinClinicForm() {
  const applyStatus = useAppStore((state) => state.applyStatus);
  const form = useForm({
    mode: 'controlled',
    initialValues: { hubUrl: '', code: '' },
    validate: schemaResolver(contract['sync.join'].input, { sync: true }),
    validateInputOnBlur: true,
  });
  const { failure, run } = useCallForm(form.setErrors);
  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      await api.call('sync.join', values);
      // The loading screen follows system.status from here.
      applyStatus(await api.call('system.status', {}));
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Join an existing clinic">
      <Stack>
        <Text c="dimmed">An administrator creates a join code on a workstation of the clinic that is already connected (Sync → Add a workstation).</Text>
        <FormAlert message={failure} />
        <TextInput label="Hub address" placeholder="http://192.168.1.10:5290" required {...form.getInputProps('hubUrl')} />
        <TextInput label="Join code" required autoComplete="off" {...form.getInputProps('code')} />
        <Button type="submit" loading={form.submitting}>
          Join clinic
        </Button>
      </Stack>
    </form>
  );
}

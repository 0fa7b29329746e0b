import { Alert, Button, Group, Loader, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Clinic } from '#shared/modules/clinics/clinic.ts';
import { clinicStatuses, clinicStatusLabels } from '#shared/modules/clinics/clinic.ts';
import { contract } from '#shared/api/contract.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { ClinicDetailsFields } from '../../components/ClinicDetailsFields.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { Refusal } from '../../components/Refusal.tsx';
import { useCallForm } from '../../forms/use-call-form.ts';
import { DisplayLinkPanel } from './DisplayLinkPanel.tsx';

function ClinicForm({ clinic }: { clinic: Clinic }) {
  const { id: _id, code, createdAt: _created, updatedAt: _updated, ...editable } = clinic;
  const form = useForm({
    mode: 'controlled',
    initialValues: editable,
    validate: schemaResolver(contract['clinic.update'].input, { sync: true }),
  });
  const { failure, run } = useCallForm(form.setErrors);
  const submit = form.onSubmit(async (values) => {
    if (await run(() => api.call('clinic.update', values))) {
      notifications.show({ color: 'green', message: 'Clinic details saved.' });
      form.resetDirty(values);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Clinic details">
      <Stack maw={720}>
        <FormAlert message={failure} />
        <TextInput label="Clinic code" value={code} readOnly description="Fixed: every reference issued so far starts with it." />
        <ClinicDetailsFields bind={(path) => form.getInputProps(path)} />
        <Group grow align="flex-start">
          <Select
            label="Status"
            allowDeselect={false}
            data={clinicStatuses.map((status) => ({ value: status, label: clinicStatusLabels[status] }))}
            description="Only administrators can open an inactive or suspended clinic."
            {...form.getInputProps('status')}
          />
          <NumberInput label="Lock the screen after (minutes idle)" min={1} max={240} allowDecimal={false} {...form.getInputProps('idleLockMinutes')} />
        </Group>
        <Group>
          <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
            Save clinic details
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ClinicPanel() {
  const clinic = useCall('clinic.get', {});
  if (clinic.status === 'loading' || clinic.status === 'idle') return <Loader aria-label="Loading clinic" />;
  if (clinic.status === 'failed') {
    if (clinic.error.code === 'FORBIDDEN') return <Refusal what="Administration" reason={clinic.error.message} />;
    return <Alert color="red" role="alert">{clinic.error.message}</Alert>;
  }
  return (
    <Stack gap="xl">
      <ClinicForm key={clinic.result.updatedAt} clinic={clinic.result} />
      <DisplayLinkPanel />
    </Stack>
  );
}

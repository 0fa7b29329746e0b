import { Button, Divider, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm, type GetInputPropsReturnType } from '@mantine/form';
import { useState } from 'react';
import { contract } from '#shared/api/contract.ts';
import { api } from '../../api/api.ts';
import { ClinicDetailsFields } from '../../components/ClinicDetailsFields.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { clinicDefaultsFor } from '../../forms/clinic-defaults.ts';
import { guessCountry, guessTimeZone } from '../../forms/reference-options.ts';
import { fieldErrorsOf, messageOf } from '../../forms/schema-form.ts';
import { useAppStore } from '../../state/store.ts';

const guessedCountry = guessCountry();
const emptySetup = {
  clinic: { name: '', code: '', country: guessedCountry, state: '', city: '', address: '', phone: '', currency: '', timeZone: guessTimeZone(), ...clinicDefaultsFor(guessedCountry, guessTimeZone()) },
  admin: { fullName: '', username: '', email: '', phone: '', password: '' },
};

/** A new clinic and its first administrator, who is signed in straight away. */
export function CreateClinicForm() {
  const applySession = useAppStore((state) => state.applySession);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: emptySetup,
    validate: schemaResolver(contract['setup.createClinic'].input, { sync: true }),
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      applySession(await api.call('setup.createClinic', values));
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (fields === null) setFailure(messageOf(error));
      else form.setErrors(fields);
    }
  });

  // Choosing the country fills its currency and time zone; either can still be changed after.
  const bindWithCountryDefaults = (path: string): GetInputPropsReturnType => {
    const props = form.getInputProps(path);
    if (path !== 'clinic.country') return props;
    return {
      ...props,
      onChange: (country: string | null) => {
        form.setFieldValue('clinic.country', country ?? '');
        const filled = clinicDefaultsFor(country ?? '', guessTimeZone());
        if (filled.currency !== undefined) form.setFieldValue('clinic.currency', filled.currency);
        if (filled.timeZone !== undefined) form.setFieldValue('clinic.timeZone', filled.timeZone);
      },
    };
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Set up the clinic">
      <Stack>
        <Text c="dimmed">Enter your clinic and its first administrator.</Text>
        <FormAlert message={failure} />
        <Title order={2} size="h4">Clinic</Title>
        <TextInput
          label="Clinic code"
          description="Three letters and two digits, such as ABC01. It starts every appointment and visit reference and cannot change later."
          required
          maxLength={5}
          {...form.getInputProps('clinic.code')}
        />
        <ClinicDetailsFields bind={bindWithCountryDefaults} prefix="clinic." />
        <Divider />
        <Title order={2} size="h4">First administrator</Title>
        <TextInput label="Full name" required {...form.getInputProps('admin.fullName')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Username" required autoComplete="username" {...form.getInputProps('admin.username')} />
          <PasswordInput label="Password" required autoComplete="new-password" description="At least 8 characters" {...form.getInputProps('admin.password')} />
          <TextInput label="Email" type="email" {...form.getInputProps('admin.email')} />
          <TextInput label="Phone" {...form.getInputProps('admin.phone')} />
        </SimpleGrid>
        <Button type="submit" loading={form.submitting}>
          Create clinic
        </Button>
      </Stack>
    </form>
  );
}

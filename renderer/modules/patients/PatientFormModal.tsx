import { Button, CloseButton, Divider, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { PatientRecord } from '#shared/modules/patients/calls.ts';
import { allergySeverities, allergySeverityLabels, sexes, sexLabels } from '#shared/modules/patients/patient.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { fieldErrorsOf, messageOf } from '../../forms/schema-form.ts';
import { DuplicateWarning, type DuplicateCandidate } from './DuplicateWarning.tsx';
import { firstFieldToFill } from './patient-draft.ts';
import { emptyPatientForm, formPath, formValuesOf, parsedDetails, validatePatientForm, type PatientFormValues } from './patient-form-values.ts';

const DUPLICATE_CHECK_DELAY_MS = 350;

/** The details a duplicate check looks at, as typed so far: debounced as JSON text, which compares by content. */
const typedProbeSchema = z.object({ givenName: z.string(), familyName: z.string(), birthDate: z.string().nullable(), phone: z.string(), nationalId: z.string() });
type TypedProbe = z.infer<typeof typedProbeSchema>;

/** Looks for the person among registered patients while the desk types their details. */
function useDuplicateCheck(values: PatientFormValues, excludePatientId: string | undefined) {
  const probe: TypedProbe = { givenName: values.givenName, familyName: values.familyName, birthDate: values.birthKind === 'date' && values.birthDate !== '' ? values.birthDate : null, phone: values.phone, nationalId: values.nationalId };
  const [debounced] = useDebouncedValue(JSON.stringify(probe), DUPLICATE_CHECK_DELAY_MS);
  const [found, setFound] = useState<{ candidates: DuplicateCandidate[]; elsewhere: number }>({ candidates: [], elsewhere: 0 });
  useEffect(() => {
    const input = typedProbeSchema.parse(JSON.parse(debounced));
    const enough = (input.givenName.trim() !== '' && input.familyName.trim() !== '' && input.birthDate !== null) || input.phone.replace(/\D/g, '').length >= 6 || input.nationalId.trim().length >= 4;
    if (!enough) {
      setFound({ candidates: [], elsewhere: 0 });
      return;
    }
    let current = true;
    api
      .call('patients.findDuplicates', { ...input, ...(excludePatientId === undefined ? {} : { excludePatientId }) })
      .then((result) => current && setFound(result))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [debounced, excludePatientId]);
  return found;
}

/** `draft`: what is already known of a new patient (typed in a search that found nobody). */
export function PatientFormModal({
  existing,
  draft,
  onClose,
  onSaved,
  onOpenOther,
}: {
  existing: PatientRecord | null;
  draft?: Partial<PatientFormValues>;
  onClose: () => void;
  onSaved: (record: PatientRecord) => void;
  onOpenOther: (patientId: string) => void;
}) {
  const initialValues = existing === null ? { ...emptyPatientForm, ...draft } : formValuesOf(existing);
  // Focus starts at the first field still empty, so a name carried over is not typed again.
  const [startAt] = useState(() => (existing === null ? firstFieldToFill(initialValues) : 'givenName'));
  const form = useForm<PatientFormValues>({
    mode: 'controlled',
    initialValues,
    validate: validatePatientForm,
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const duplicates = useDuplicateCheck(form.values, existing?.id);

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    if (existing === null && duplicates.candidates.length > 0 && !confirmed) {
      setFailure('Check the possible duplicates above: open the existing record, or tick that this is a different person.');
      return;
    }
    try {
      const details = parsedDetails(values);
      const saved = existing === null ? await api.call('patients.register', { ...details, notADuplicate: confirmed }) : await api.call('patients.update', { ...details, patientId: existing.id });
      onSaved(saved);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (fields === null) setFailure(messageOf(error));
      else form.setErrors(Object.fromEntries(Object.entries(fields).map(([path, message]) => [formPath(path), message])));
    }
  });

  return (
    <Modal opened onClose={onClose} size="xl" title={existing === null ? 'Register a patient' : `Edit ${existing.givenName} ${existing.familyName}`}>
      <form onSubmit={submit} noValidate aria-label={existing === null ? 'Register a patient' : 'Edit patient'}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Given name" required data-autofocus={startAt === 'givenName' || undefined} {...form.getInputProps('givenName')} />
            <TextInput label="Family name" required data-autofocus={startAt === 'familyName' || undefined} {...form.getInputProps('familyName')} />
            <Select label="Sex" required data-autofocus={startAt === 'sex' || undefined} allowDeselect={false} data={sexes.map((sex) => ({ value: sex, label: sexLabels[sex] }))} {...form.getInputProps('sex')} />
          </SimpleGrid>
          <Group align="flex-end">
            <SegmentedControl
              aria-label="Birth known as"
              data={[
                { value: 'date', label: 'Birth date known' },
                { value: 'estimatedAge', label: 'Only an age' },
              ]}
              {...form.getInputProps('birthKind')}
            />
            {form.values.birthKind === 'date' ? (
              <TextInput label="Date of birth" type="date" {...form.getInputProps('birthDate')} />
            ) : (
              <NumberInput label="Age in years" min={0} max={130} allowDecimal={false} w={140} {...form.getInputProps('ageYears')} />
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Phone" {...form.getInputProps('phone')} />
            <TextInput label="Email" type="email" {...form.getInputProps('email')} />
            <TextInput label="National id or external reference" {...form.getInputProps('nationalId')} />
          </SimpleGrid>
          <DuplicateWarning candidates={duplicates.candidates} elsewhere={duplicates.elsewhere} confirmed={confirmed} onConfirm={setConfirmed} onOpen={onOpenOther} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Address" style={{ gridColumn: 'span 2' }} {...form.getInputProps('address')} />
            <TextInput label="Postal code" {...form.getInputProps('postalCode')} />
            <TextInput label="Emergency contact" {...form.getInputProps('emergencyContactName')} />
            <TextInput label="Emergency contact phone" {...form.getInputProps('emergencyContactPhone')} />
          </SimpleGrid>
          <Divider label="Allergies" labelPosition="left" />
          {form.values.allergies.map((_, index) => (
            <Group key={form.key(`allergies.${index}`)} align="flex-start" wrap="nowrap">
              <TextInput label="Substance" required style={{ flex: 2 }} {...form.getInputProps(`allergies.${index}.substance`)} />
              <TextInput label="Reaction" style={{ flex: 2 }} {...form.getInputProps(`allergies.${index}.reaction`)} />
              <Select label="Severity" allowDeselect={false} style={{ flex: 1 }} data={allergySeverities.map((severity) => ({ value: severity, label: allergySeverityLabels[severity] }))} {...form.getInputProps(`allergies.${index}.severity`)} />
              <CloseButton mt={28} aria-label={`Remove allergy ${index + 1}`} onClick={() => form.removeListItem('allergies', index)} />
            </Group>
          ))}
          <Group>
            <Button variant="light" size="xs" onClick={() => form.insertListItem('allergies', { substance: '', reaction: '', severity: 'UNKNOWN' })}>
              Add allergy
            </Button>
            {form.values.allergies.length === 0 && <Text size="sm" c="dimmed">No known allergies recorded.</Text>}
          </Group>
          <Divider label="Chronic conditions" labelPosition="left" />
          {form.values.conditions.map((_, index) => (
            <Group key={form.key(`conditions.${index}`)} align="flex-start" wrap="nowrap">
              <TextInput label="Condition" required style={{ flex: 2 }} {...form.getInputProps(`conditions.${index}.name`)} />
              <TextInput label="Condition notes" style={{ flex: 3 }} {...form.getInputProps(`conditions.${index}.notes`)} />
              <CloseButton mt={28} aria-label={`Remove condition ${index + 1}`} onClick={() => form.removeListItem('conditions', index)} />
            </Group>
          ))}
          <Group>
            <Button variant="light" size="xs" onClick={() => form.insertListItem('conditions', { name: '', notes: '' })}>
              Add condition
            </Button>
          </Group>
          <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
          <FormAlert message={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              {existing === null ? 'Register patient' : 'Save changes'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

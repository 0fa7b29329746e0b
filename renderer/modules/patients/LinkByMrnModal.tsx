import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { patientName } from '../../format/people.ts';
import { patientRoute } from '../../state/routes.ts';
import { useAppStore } from '../../state/store.ts';

/**
 * A patient of another clinic of the organization, added here by their record number and one more
 * identifier they give at the desk: the record number alone could be guessed.
 */
export function LinkByMrnModal({ onClose }: { onClose: () => void }) {
  const navigate = useAppStore((state) => state.navigate);
  const [mrn, setMrn] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [phone, setPhone] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const ready = mrn.trim().length >= 3 && (birthDate !== '' || phone.trim() !== '');
  const link = async (): Promise<void> => {
    try {
      const record = await api.call('patients.linkByMrn', { mrn, ...(birthDate === '' ? {} : { birthDate }), ...(phone.trim() === '' ? {} : { phone }) });
      notifications.show({ color: 'green', message: `${patientName(record)} is now a patient of this clinic too.` });
      onClose();
      navigate(patientRoute(record.id));
    } catch (error) {
      setFailure(messageOf(error));
    }
  };
  return (
    <Modal opened onClose={onClose} title="Add a patient of another clinic by record number">
      <form
        aria-label="Add by record number"
        aria-describedby="link-by-mrn-help"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) void link();
        }}
      >
        <Stack>
          <TextInput label="Record number" placeholder="ABC01-M1234" required data-autofocus value={mrn} onChange={(event) => setMrn(event.currentTarget.value)} />
          <Text id="link-by-mrn-help" size="sm">
            Ask the patient for their date of birth or their phone number: at least one must match the record.
          </Text>
          <TextInput label="Date of birth" type="date" value={birthDate} onChange={(event) => setBirthDate(event.currentTarget.value)} />
          <TextInput label="Phone" type="tel" autoComplete="off" value={phone} onChange={(event) => setPhone(event.currentTarget.value)} />
          <FormAlert message={failure} />
          <Group justify="flex-end">
            <Button type="submit" disabled={!ready}>
              Add to this clinic
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

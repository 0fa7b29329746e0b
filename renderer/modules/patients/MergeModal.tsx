import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PatientRecord } from '#shared/modules/patients/calls.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { patientName } from '../../format/people.ts';
import { PatientPicker, type PickedPatient } from './PatientPicker.tsx';

/** Two records of one person become one: the desk chooses which survives; nothing is lost. */
export function MergeModal({ record, onClose, onMerged }: { record: PatientRecord; onClose: () => void; onMerged: (survivorId: string) => void }) {
  const [other, setOther] = useState<PickedPatient | null>(null);
  const [survivor, setSurvivor] = useState<'this' | 'other'>('this');
  const [failure, setFailure] = useState<string | null>(null);
  const merge = async (): Promise<void> => {
    if (other === null) return;
    const [survivorId, mergedId] = survivor === 'this' ? [record.id, other.id] : [other.id, record.id];
    try {
      const merged = await api.call('patients.merge', { survivorId, mergedId });
      onMerged(merged.id);
    } catch (error) {
      setFailure(messageOf(error));
    }
  };
  return (
    <Modal opened onClose={onClose} size="lg" title={`Merge ${patientName(record)} with another record`}>
      <Stack>
        <PatientPicker value={other} onChange={setOther} label="The other record of this person" />
        {other !== null && other.id === record.id && <Alert color="red">Choose a different record.</Alert>}
        {other !== null && other.id !== record.id && (
          <>
            <Radio.Group label="Which record survives?" value={survivor} onChange={(value) => setSurvivor(value === 'other' ? 'other' : 'this')}>
              <Stack gap={4} mt={4}>
                <Radio value="this" label={`${patientName(record)} · ${record.mrn}`} />
                <Radio value="other" label={`${patientName(other)} · ${other.mrn}`} />
              </Stack>
            </Radio.Group>
            <Text size="sm">
              The other record will point to the survivor: its appointments and queue visits show there, and the survivor takes any contact details, allergies and conditions it lacked.
            </Text>
          </>
        )}
        <FormAlert message={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="orange" disabled={other === null || other.id === record.id} onClick={() => void merge()}>
            Merge records
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

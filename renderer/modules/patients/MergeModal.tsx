import { Alert, Button, Checkbox, Group, Loader, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PatientRecord } from '#shared/modules/patients/calls.ts';
import { looksLikeTwoPeople, TWO_PEOPLE_WARNING } from '#shared/modules/patients/merge-comparison.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { patientName } from '../../format/people.ts';
import { MergeComparison } from './MergeComparison.tsx';
import { PatientPicker, type PickedPatient } from './PatientPicker.tsx';

/**
 * Two records of one person become one: the desk sees them side by side, chooses which survives,
 * and must confirm when nothing but the wish to merge says they are one person.
 */
export function MergeModal({ record, onClose, onMerged }: { record: PatientRecord; onClose: () => void; onMerged: (survivorId: string) => void }) {
  const [other, setOther] = useState<PickedPatient | null>(null);
  const [survivor, setSurvivor] = useState<'this' | 'other'>('this');
  const [confirmedSamePerson, setConfirmedSamePerson] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const otherRecord = useCall('patients.get', other === null || other.id === record.id ? null : { patientId: other.id });
  const compared = otherRecord.status === 'done' ? otherRecord.result : null;
  const twoPeople = compared !== null && looksLikeTwoPeople(record, compared);
  const choose = (picked: PickedPatient | null): void => {
    setOther(picked);
    setConfirmedSamePerson(false);
    setFailure(null);
  };
  const merge = async (): Promise<void> => {
    if (other === null) return;
    const [survivorId, mergedId] = survivor === 'this' ? [record.id, other.id] : [other.id, record.id];
    try {
      const merged = await api.call('patients.merge', { survivorId, mergedId, confirmedSamePerson });
      onMerged(merged.id);
    } catch (error) {
      setFailure(messageOf(error));
    }
  };
  return (
    <Modal opened onClose={onClose} size="xl" title={`Merge ${patientName(record)} with another record`} closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack>
        <PatientPicker value={other} onChange={choose} label="The other record of this person" />
        {other !== null && other.id === record.id && <Alert color="red">Choose a different record.</Alert>}
        {other !== null && other.id !== record.id && compared === null && otherRecord.status !== 'failed' && <Loader size="sm" aria-label="Opening the other record" />}
        {otherRecord.status === 'failed' && <FormAlert message={otherRecord.error.message} />}
        {compared !== null && (
          <>
            <MergeComparison first={record} second={compared} firstLabel={`This record (${record.mrn})`} secondLabel={`Other record (${compared.mrn})`} />
            {twoPeople && (
              <Alert color="red" role="alert" title="Check before merging">
                <Stack gap="xs">
                  <Text size="sm">{TWO_PEOPLE_WARNING} Merging would give one person the other&apos;s allergies, appointments and history.</Text>
                  <Checkbox label="I have checked: these two records are the same person" checked={confirmedSamePerson} onChange={(event) => setConfirmedSamePerson(event.currentTarget.checked)} />
                </Stack>
              </Alert>
            )}
            <Radio.Group label="Which record survives?" value={survivor} onChange={(value) => setSurvivor(value === 'other' ? 'other' : 'this')}>
              <Stack gap={4} mt={4}>
                <Radio value="this" label={`${patientName(record)} · ${record.mrn}`} />
                <Radio value="other" label={`${patientName(compared)} · ${compared.mrn}`} />
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
          <Button color="orange" disabled={compared === null || (twoPeople && !confirmedSamePerson)} onClick={() => void merge()}>
            Merge records
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

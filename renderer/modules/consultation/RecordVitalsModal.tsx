import { Modal } from '@mantine/core';
import { patientName } from '../../format/people.ts';
import { VitalsForm } from './VitalsForm.tsx';

/** Vitals taken before the doctor (the front desk, a nurse): they show in the encounter the doctor opens that day. */
export function RecordVitalsModal({ patient, onClose }: { patient: { id: string; givenName: string; familyName: string }; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={`Vitals of ${patientName(patient)}`} size="xl">
      <VitalsForm patientId={patient.id} encounterId={null} onSaved={onClose} />
    </Modal>
  );
}

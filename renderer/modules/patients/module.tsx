import { defineRendererModule } from '../define.ts';
import { PatientPage } from './PatientPage.tsx';
import { PatientSearchBox } from './PatientSearchBox.tsx';
import { PatientsTab } from './PatientsTab.tsx';

export const patientScreens = defineRendererModule({
  name: 'patients',
  // A pharmacist looks patients up too.
  navigation: [{ section: 'reception', tab: 'patients', label: 'Patients', roles: ['ADMIN', 'STAFF', 'DOCTOR', 'PHARMACIST'], Screen: PatientsTab }],
  recordPages: [{ section: 'reception', tab: 'patient', Page: ({ id }) => <PatientPage patientId={id} /> }],
  headerWidget: PatientSearchBox,
  conflicts: {
    DUPLICATE_PATIENT: {
      label: 'Same person registered twice',
      sentence: 'Two workstations registered what looks like the same person. Merge them into one record, or keep both if they are different people.',
      actions: ([first, second]) =>
        first === undefined || second === undefined
          ? []
          : [
              { label: `Keep ${first.label}, merge the other into it`, action: { kind: 'mergePatients', survivorId: first.id, mergedId: second.id } },
              { label: `Keep ${second.label}, merge the other into it`, action: { kind: 'mergePatients', survivorId: second.id, mergedId: first.id } },
            ],
    },
  },
});

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
});

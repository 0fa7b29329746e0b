import { bySubject, register, type SubjectDeclaration, type SyncTableDeclarations } from '../../sync/tables.ts';

/** A patient is seen by the clinic that registered them and by every clinic they are linked to. */
export const patientSubject = {
  name: 'patient',
  table: 'patients',
  homeClinicColumn: 'registered_clinic_id',
  organizationColumn: null,
  link: { table: 'patient_clinics', subjectColumn: 'patient_id', clinicColumn: 'clinic_id' },
} as const satisfies SubjectDeclaration;

export const patientSyncTables = {
  patients: register(bySubject('patient', 'id')),
  patient_clinics: register(bySubject('patient', 'patient_id')),
  patient_allergies: register(bySubject('patient', 'patient_id')),
  patient_conditions: register(bySubject('patient', 'patient_id')),
} as const satisfies SyncTableDeclarations;

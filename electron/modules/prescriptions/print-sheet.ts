import type { Prescription } from '#shared/modules/prescriptions/line.ts';
import type { PrescriptionSheet } from '#shared/modules/prescriptions/print-sheet.ts';
import { notFoundError } from '#shared/api/errors.ts';
import { findClinic } from '../clinics/index.ts';
import type { EncounterRow } from '../consultation/index.ts';
import type { Db } from '../../db/database.ts';
import { doctorIn } from '../doctors/index.ts';
import { findPatient } from '../patients/index.ts';

/** What the printed prescription shows, read from the clinic, the doctor's profile and the patient's record. */
export function sheetOf(db: Db, encounter: EncounterRow, prescription: Prescription): PrescriptionSheet {
  const clinic = findClinic(db, encounter.clinicId);
  const patient = findPatient(db, encounter.patientId);
  if (clinic === undefined || patient === undefined) throw notFoundError('This prescription’s clinic or patient is not on this workstation.');
  const doctor = doctorIn(db, encounter.clinicId, encounter.doctorUserId);
  return {
    reference: prescription.reference,
    clinic: { name: clinic.name, address: clinic.address, phone: clinic.phone },
    doctor: { fullName: doctor?.fullName ?? prescription.doctorName, registrationNumber: doctor?.registrationNumber ?? '' },
    patient: { fullName: `${patient.givenName} ${patient.familyName}`, mrn: patient.mrn, birthDate: patient.birthDate },
    signedAt: prescription.signedAt,
    lines: prescription.lines,
  };
}

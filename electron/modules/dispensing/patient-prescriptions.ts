import type { PatientId } from '#shared/domain/ids.ts';
import type { z } from 'zod';
import type { prescriptionSummarySchema } from '#shared/modules/dispensing/dispense-views.ts';
import { prescribedPacks } from '#shared/modules/dispensing/supply.ts';
import type { Db } from '../../db/database.ts';
import { requireTreatablePatient } from '../consultation/index.ts';
import { organizationOf } from '../medicines/index.ts';
import { mergeSetOf } from '../patients/index.ts';
import { signedPrescriptionsOf } from '../prescriptions/index.ts';
import { productFacts } from './dispense-state.ts';
import { dispensedByLine } from './dispensed-rows.ts';
import type { ClinicContext } from '../clinics/index.ts';

type PrescriptionSummary = z.infer<typeof prescriptionSummarySchema>;

/** The patient's signed prescriptions, newest first, each marked complete when nothing remains to hand over. */
export function prescriptionsToDispenseOf(db: Db, clinic: ClinicContext, patientId: PatientId): PrescriptionSummary[] {
  const patient = requireTreatablePatient(db, clinic, patientId);
  const organizationId = organizationOf(db, clinic.clinicId);
  const prescriptions = signedPrescriptionsOf(db, mergeSetOf(db, patient.id));
  const dispensed = dispensedByLine(db, prescriptions.flatMap((prescription) => prescription.lines.map((line) => line.id)));
  return prescriptions.map((prescription) => ({
    prescriptionId: prescription.id,
    reference: prescription.reference,
    doctorName: prescription.doctorName,
    signedAt: prescription.signedAt,
    medicines: prescription.lines.map((line) => line.productLabel),
    complete: prescription.lines.every((line) => (dispensed.get(line.id) ?? 0) >= prescribedPacks(line, productFacts(db, organizationId, line.productId).packSizes)),
  }));
}

import type { PatientSummary } from '#shared/modules/patients/calls.ts';
import { ageInYears, sexLabels } from '#shared/modules/patients/patient.ts';

export function patientName(patient: { givenName: string; familyName: string }): string {
  return `${patient.givenName} ${patient.familyName}`;
}

/** "37 y", "~40 y" for an estimate, or months for a baby. */
export function ageLabel(birthDate: string | null, estimated: boolean, today: string): string {
  if (birthDate === null) return 'age not known';
  const years = ageInYears(birthDate, today);
  if (years >= 2) return `${estimated ? '~' : ''}${years} y`;
  const [by, bm] = birthDate.split('-').map(Number);
  const [ty, tm] = today.split('-').map(Number);
  const months = ((ty ?? 0) - (by ?? 0)) * 12 + ((tm ?? 0) - (bm ?? 0));
  return `${estimated ? '~' : ''}${Math.max(0, months)} mo`;
}

/** The details that tell two people apart at a glance. */
export function patientFacts(patient: PatientSummary, today: string): string[] {
  return [sexLabels[patient.sex], ageLabel(patient.birthDate, patient.birthDateEstimated, today), patient.phone, patient.mrn].filter((fact) => fact !== '');
}

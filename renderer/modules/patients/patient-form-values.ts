import type { PatientRecord } from '#shared/modules/patients/calls.ts';
import { patientDetailsSchema, type AllergySeverity, type PatientDetails } from '#shared/modules/patients/patient.ts';
import type { FieldErrors } from '../../forms/schema-form.ts';

export type AllergyValues = { id?: string; substance: string; reaction: string; severity: AllergySeverity };
export type ConditionValues = { id?: string; name: string; notes: string };

/** What the registration form holds: the birth as two inputs, so switching between them keeps both. */
export type PatientFormValues = {
  givenName: string;
  familyName: string;
  sex: string;
  birthKind: 'date' | 'estimatedAge';
  birthDate: string;
  ageYears: number | string;
  phone: string;
  email: string;
  address: string;
  postalCode: string;
  nationalId: string;
  emergencyContactName: string;
  emergencyContactPhone: string;
  notes: string;
  allergies: AllergyValues[];
  conditions: ConditionValues[];
};

export const emptyPatientForm: PatientFormValues = {
  givenName: '',
  familyName: '',
  sex: '',
  birthKind: 'date',
  birthDate: '',
  ageYears: '',
  phone: '',
  email: '',
  address: '',
  postalCode: '',
  nationalId: '',
  emergencyContactName: '',
  emergencyContactPhone: '',
  notes: '',
  allergies: [],
  conditions: [],
};

export function formValuesOf(record: PatientRecord): PatientFormValues {
  return {
    ...emptyPatientForm,
    givenName: record.givenName,
    familyName: record.familyName,
    sex: record.sex,
    birthKind: 'date',
    birthDate: record.birthDate ?? '',
    phone: record.phone,
    email: record.email,
    address: record.address,
    postalCode: record.postalCode,
    nationalId: record.nationalId,
    emergencyContactName: record.emergencyContactName,
    emergencyContactPhone: record.emergencyContactPhone,
    notes: record.notes,
    allergies: record.allergies.map((allergy) => ({ ...allergy })),
    conditions: record.conditions.map((condition) => ({ ...condition })),
  };
}

/** The form's values as the call takes them. */
export function detailsOf(values: PatientFormValues): unknown {
  const { birthKind, birthDate, ageYears, ...rest } = values;
  return {
    ...rest,
    birth: birthKind === 'date' ? { kind: 'date', date: birthDate } : { kind: 'estimatedAge', years: typeof ageYears === 'number' ? ageYears : Number.NaN },
  };
}

/** Paths of the call's errors, put back on the form's own fields. */
export function formPath(path: string): string {
  if (path === 'birth.date' || path === 'birth') return 'birthDate';
  if (path === 'birth.years') return 'ageYears';
  return path;
}

/** The contract's own rules, run in the form, so every field's error shows before anything is sent. */
export function validatePatientForm(values: PatientFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (values.sex === '') errors['sex'] = 'Choose male, female or other';
  const parsed = patientDetailsSchema.safeParse(detailsOf(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = formPath(issue.path.map(String).join('.'));
      if (path === 'sex' && values.sex === '') continue;
      errors[path] ??= issue.message;
    }
  }
  return errors;
}

export function parsedDetails(values: PatientFormValues): PatientDetails {
  return patientDetailsSchema.parse(detailsOf(values));
}

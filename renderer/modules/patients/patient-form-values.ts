import type { AllergyStatus } from '#shared/modules/patients/allergy-status.ts';
import type { PatientRecord } from '#shared/modules/patients/calls.ts';
import { patientDetailsSchema, patientValuesOn, type AllergySeverity, type PatientDetails } from '#shared/modules/patients/patient.ts';
import { formatTypedDate, parseTypedDate, type DateEntryFormat } from '../../forms/date-entry.ts';
import type { FieldErrors } from '../../forms/schema-form.ts';

export type AllergyValues = { id?: string; substance: string; reaction: string; severity: AllergySeverity };
export type ConditionValues = { id?: string; name: string; notes: string };

/** What the registration form holds: the birth as two inputs, so switching between them keeps both. */
export type PatientFormValues = {
  givenName: string;
  familyName: string;
  sex: string;
  birthKind: 'date' | 'estimatedAge';
  /** As typed, in the clinic's order (date-entry.ts). */
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
  allergyStatus: AllergyStatus;
  allergies: AllergyValues[];
  conditions: ConditionValues[];
};

/** What the form's rules need besides the values: the clinic's today and how it writes dates. */
export type PatientFormContext = { readonly today: string; readonly dateFormat: DateEntryFormat };

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
  // Nobody has asked yet: the honest start, never "none known".
  allergyStatus: 'NOT_RECORDED',
  allergies: [],
  conditions: [],
};

export function formValuesOf(record: PatientRecord, dateFormat: DateEntryFormat): PatientFormValues {
  return {
    ...emptyPatientForm,
    givenName: record.givenName,
    familyName: record.familyName,
    sex: record.sex,
    birthKind: 'date',
    birthDate: record.birthDate === null ? '' : formatTypedDate(record.birthDate, dateFormat),
    phone: record.phone,
    email: record.email,
    address: record.address,
    postalCode: record.postalCode,
    nationalId: record.nationalId,
    emergencyContactName: record.emergencyContactName,
    emergencyContactPhone: record.emergencyContactPhone,
    notes: record.notes,
    allergyStatus: record.allergyStatus,
    allergies: record.allergies.map((allergy) => ({ ...allergy })),
    conditions: record.conditions.map((condition) => ({ ...condition })),
  };
}

/** The form's values as the call takes them; a date that cannot be read is passed on as typed, for the schema to refuse. */
export function detailsOf(values: PatientFormValues, dateFormat: DateEntryFormat): unknown {
  const { birthKind, birthDate, ageYears, ...rest } = values;
  const date = birthDate.trim() === '' ? '' : (parseTypedDate(birthDate, dateFormat) ?? birthDate);
  return {
    ...rest,
    birth: birthKind === 'date' ? { kind: 'date', date } : { kind: 'estimatedAge', years: typeof ageYears === 'number' ? ageYears : Number.NaN },
  };
}

/** Paths of the call's errors, put back on the form's own fields. */
export function formPath(path: string): string {
  if (path === 'birth.date' || path === 'birth') return 'birthDate';
  if (path === 'birth.years') return 'ageYears';
  return path;
}

/** The contract's own rules, run in the form, so every field's error shows before anything is sent. */
export function validatePatientForm(values: PatientFormValues, context: PatientFormContext): FieldErrors {
  const errors: FieldErrors = {};
  if (values.sex === '') errors['sex'] = 'Choose male, female or other';
  // A date the clinic's order cannot read is named in that order, not in the core's ISO one.
  if (values.birthKind === 'date' && values.birthDate.trim() !== '' && parseTypedDate(values.birthDate, context.dateFormat) === null) {
    errors['birthDate'] = `Not a real date (use ${context.dateFormat.hint})`;
  }
  const parsed = patientValuesOn(context.today).safeParse(detailsOf(values, context.dateFormat));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = formPath(issue.path.map(String).join('.'));
      if (path === 'sex' && values.sex === '') continue;
      errors[path] ??= issue.message;
    }
  }
  return errors;
}

/** The values as the call takes them, once validatePatientForm has passed; the core checks its rules again. */
export function parsedDetails(values: PatientFormValues, dateFormat: DateEntryFormat): PatientDetails {
  return patientDetailsSchema.parse(detailsOf(values, dateFormat));
}

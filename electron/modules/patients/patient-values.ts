import { DateTime } from 'luxon';
import { allergyStatusOf } from '#shared/modules/patients/allergy-status.ts';
import { phoneDigits, type BirthInput, type PatientDetails } from '#shared/modules/patients/patient.ts';

/** The phone's digits reversed: "numbers ending in 4321" becomes an index range on "1234…". */
export function reversedPhoneDigits(phone: string): string {
  const digits = phoneDigits(phone);
  let reversed = '';
  for (let index = digits.length - 1; index >= 0; index -= 1) reversed += digits.charAt(index);
  return reversed;
}

/**
 * A known date of birth is kept as given; an estimated age becomes a date that many years before
 * today (in the clinic's zone), flagged as an estimate, so the age keeps growing correctly.
 */
export function birthDateOf(birth: BirthInput, today: string): { birthDate: string; birthDateEstimated: boolean } {
  if (birth.kind === 'date') return { birthDate: birth.date, birthDateEstimated: false };
  const date = DateTime.fromISO(today, { zone: 'UTC' }).minus({ years: birth.years }).toISODate();
  return { birthDate: date ?? today, birthDateEstimated: true };
}

/** The columns of the patients table a registration or an edit sets. */
export function patientColumns(details: PatientDetails, today: string) {
  return {
    givenName: details.givenName,
    familyName: details.familyName,
    sex: details.sex,
    ...birthDateOf(details.birth, today),
    phone: details.phone,
    phoneDigitsReversed: reversedPhoneDigits(details.phone),
    email: details.email,
    address: details.address,
    postalCode: details.postalCode,
    nationalId: details.nationalId,
    emergencyContactName: details.emergencyContactName,
    emergencyContactPhone: details.emergencyContactPhone,
    notes: details.notes,
    allergyStatus: allergyStatusOf(details),
  };
}

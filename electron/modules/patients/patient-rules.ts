import { ApiError } from '#shared/api/errors.ts';
import { patientRuleIssues, type PatientDetails } from '#shared/modules/patients/patient.ts';

/**
 * The rules the call's schema cannot check alone (a birth date after the clinic's today, an
 * allergy status that contradicts the list), refused as a VALIDATION error naming each field, in
 * the same words the form shows.
 */
export function checkPatientRules(details: Pick<PatientDetails, 'birth' | 'allergyStatus' | 'allergies'>, today: string): void {
  const issues = patientRuleIssues(details, today);
  const [first] = issues;
  if (first === undefined) return;
  const fields = issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
  const message = fields.length === 1 ? first.message : `${fields.length} fields need attention: ${fields.map((field) => field.message).join('; ')}`;
  throw new ApiError({ code: 'VALIDATION', message, field: first.path.join('.'), fields });
}

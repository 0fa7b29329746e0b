import { ApiError } from '#shared/api/errors.ts';

export type FieldErrors = Record<string, string>;

/** A VALIDATION or CONFLICT error from the core shown beside its fields; other errors are for an alert. */
export function fieldErrorsOf(error: unknown, prefix = ''): FieldErrors | null {
  if (!(error instanceof ApiError)) return null;
  if (error.fields !== undefined && error.fields.length > 0) {
    return Object.fromEntries(error.fields.map((field) => [`${prefix}${field.field}`, field.message]));
  }
  if (error.field !== undefined) return { [`${prefix}${error.field}`]: error.message };
  return null;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}

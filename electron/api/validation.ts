import type { z } from 'zod';
import { ApiError, type FieldError } from '#shared/api/errors.ts';

function fieldName(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Turns zod's issues into one VALIDATION error that names every field at fault. */
export function validationFromZod(error: z.ZodError): ApiError {
  const fields: FieldError[] = error.issues.flatMap((issue): FieldError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: fieldName([...issue.path, key]), message: `"${key}" is not a field this call accepts` }));
    }
    const field = fieldName(issue.path);
    return [{ field, message: field === '' ? `The request is not valid: ${issue.message}` : issue.message }];
  });
  const first = fields[0] ?? { field: '', message: 'The request is not valid.' };
  const message = fields.length === 1 ? first.message : `${fields.length} fields need attention: ${fields.map((f) => f.message).join('; ')}`;
  return new ApiError({ code: 'VALIDATION', message, field: first.field, fields });
}

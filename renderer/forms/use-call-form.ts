import { useState } from 'react';
import { fieldErrorsOf, messageOf, type FieldErrors } from './schema-form.ts';

/**
 * Runs a form's call: field errors from the core go beside their fields, anything else into
 * the form's alert. Returns whether the call succeeded.
 */
export function useCallForm(setErrors: (errors: FieldErrors) => void): {
  failure: string | null;
  run: (work: () => Promise<unknown>) => Promise<boolean>;
} {
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    setFailure(null);
    try {
      await work();
      return true;
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (fields === null) setFailure(messageOf(error));
      else setErrors(fields);
      return false;
    }
  };
  return { failure, run };
}

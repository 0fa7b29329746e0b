import { Alert } from '@mantine/core';

/** A form's error that belongs to no single field; announced to screen readers. */
export function FormAlert({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <Alert color="red" role="alert" title="Not saved">
      {message}
    </Alert>
  );
}

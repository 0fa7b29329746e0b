import { Alert } from '@mantine/core';

/** What a screen shows when the core refused to open it; the reason is the core's own words. */
export function Refusal({ what, reason }: { what: string; reason: string }) {
  return (
    <Alert color="orange" role="alert" title={`You cannot open ${what}`}>
      {reason}
    </Alert>
  );
}

import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import type { PatientSummary } from '#shared/modules/patients/calls.ts';
import type { DuplicateReason } from '#shared/modules/patients/patient.ts';
import { patientFacts, patientName } from '../../format/people.ts';
import { useClinicToday } from '../../state/clinic-hooks.ts';

export type DuplicateCandidate = PatientSummary & { reasons: readonly DuplicateReason[] };

const reasonLabels: Readonly<Record<DuplicateReason, string>> = { phone: 'same phone', nameAndBirthDate: 'similar name, same date of birth', nationalId: 'same national id' };

/** "This may be the same person": shown while registering, before anything is saved. */
export function DuplicateWarning({
  candidates,
  elsewhere,
  confirmed,
  onConfirm,
  onOpen,
}: {
  candidates: readonly DuplicateCandidate[];
  elsewhere: number;
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
  onOpen: (patientId: string) => void;
}) {
  const today = useClinicToday();
  if (candidates.length === 0 && elsewhere === 0) return null;
  return (
    <Alert color="yellow" title="This may be the same person" role="alert">
      <Stack gap="xs">
        {candidates.map((candidate) => (
          <Group key={candidate.id} justify="space-between" wrap="nowrap">
            <div>
              <Text size="sm" fw={600}>
                {patientName(candidate)}
              </Text>
              <Text size="xs">
                {patientFacts(candidate, today).join(' · ')} — {candidate.reasons.map((reason) => reasonLabels[reason]).join(', ')}
              </Text>
            </div>
            <Button size="xs" variant="light" onClick={() => onOpen(candidate.id)}>
              Open {candidate.mrn}
            </Button>
          </Group>
        ))}
        {elsewhere > 0 && (
          <Text size="sm">
            {elsewhere === 1 ? 'A matching record exists' : `${elsewhere} matching records exist`} in another clinic of the chain. Ask the patient for their record number and use “Add by record number”.
          </Text>
        )}
        {candidates.length > 0 && (
          <Checkbox label="I checked: this is a different person" checked={confirmed} onChange={(event) => onConfirm(event.currentTarget.checked)} />
        )}
      </Stack>
    </Alert>
  );
}

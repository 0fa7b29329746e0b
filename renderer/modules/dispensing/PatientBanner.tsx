import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { DispensePatient } from '#shared/modules/dispensing/index.ts';
import { allergyStatusLabels } from '#shared/modules/patients/index.ts';
import { formatDate } from '../../format/time.ts';

/**
 * Who the prescription is for, with the two identifiers the pharmacist checks against the person
 * at the counter (record number and date of birth) and the allergies in view.
 */
export function PatientBanner({ patient, confirmed, onConfirm }: { patient: DispensePatient; confirmed: boolean; onConfirm: () => void }) {
  return (
    <Paper withBorder p="sm" aria-label="Patient" component="section">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Text fw={700} size="lg">
            {patient.fullName}
          </Text>
          <Text size="sm">
            Record number <strong>{patient.mrn}</strong> · Date of birth <strong>{patient.birthDate === null ? 'not recorded' : formatDate(patient.birthDate)}</strong>
          </Text>
          <Group gap="xs">
            <Text size="sm">Allergies:</Text>
            {patient.allergies.length === 0 ? (
              <Text size="sm">{allergyStatusLabels[patient.allergyStatus]}</Text>
            ) : (
              patient.allergies.map((allergy) => (
                <Badge key={allergy.substance} color="red.8" variant="filled">
                  {allergy.substance} ({allergy.severity.toLowerCase()})
                </Badge>
              ))
            )}
          </Group>
        </Stack>
        {confirmed ? (
          <Text c="green.9" fw={700}>
            ✓ Patient at the counter
          </Text>
        ) : (
          <Button onClick={onConfirm}>Confirm this is the patient at the counter</Button>
        )}
      </Group>
      {!confirmed && (
        <Alert color="yellow" mt="xs" role="status">
          Ask the person their name and date of birth, and check them against the record before handing anything over.
        </Alert>
      )}
    </Paper>
  );
}

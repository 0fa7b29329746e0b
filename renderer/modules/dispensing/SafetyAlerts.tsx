import { Alert, Stack, Text, TextInput, Title } from '@mantine/core';
import { alertKindLabels, alertSeverityLabels, sortedAlerts, type PrescriptionAlert } from '#shared/modules/medicines/index.ts';

/**
 * The checks run again at the counter. A severe alert the prescriber already overrode shows their
 * reason; one they did not (a new allergy, a medicine started since) needs the pharmacist's reason.
 */
export function SafetyAlerts({ alerts, prescriberReasons, reasons, onReason }: { alerts: readonly PrescriptionAlert[]; prescriberReasons: ReadonlyMap<string, string>; reasons: Readonly<Record<string, string>>; onReason: (alertId: string, reason: string) => void }) {
  if (alerts.length === 0) return <Text size="sm">No allergy, interaction, duplicate or dose alert.</Text>;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Safety checks
      </Title>
      {sortedAlerts(alerts).map((alert) => {
        const prescriber = prescriberReasons.get(alert.id);
        return (
          <Alert key={alert.id} color={alert.needsOverride ? 'red' : 'yellow'} title={`${alertSeverityLabels[alert.severity]} · ${alertKindLabels[alert.kind]}`} role={alert.needsOverride && prescriber === undefined ? 'alert' : 'status'}>
            <Text size="sm">{alert.message}</Text>
            {alert.advice !== '' && <Text size="sm">{alert.advice}</Text>}
            {prescriber !== undefined && <Text size="sm">Overridden by the prescriber: {prescriber}</Text>}
            {alert.needsOverride && prescriber === undefined && <TextInput mt="xs" label="Your reason to go ahead" description="Kept with the dispense and in the audit log." value={reasons[alert.id] ?? ''} onChange={(event) => onReason(alert.id, event.currentTarget.value)} />}
          </Alert>
        );
      })}
    </Stack>
  );
}

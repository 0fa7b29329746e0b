import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { alertKindLabels, alertSeverityLabels, sortedAlerts, type AlertSeverity, type PrescriptionAlert } from '#shared/modules/medicines/index.ts';

const severityColours: Readonly<Record<AlertSeverity, string>> = { MINOR: 'gray', MODERATE: 'yellow', SEVERE: 'orange', CONTRAINDICATED: 'red' };

/** How severe an alert is, in a word and a colour; the word is dark on a tint, readable in either. */
export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  return (
    <Badge variant="light" color={severityColours[severity]} c="dark.9" style={{ textTransform: 'none', flexShrink: 0 }}>
      {alertSeverityLabels[severity]}
    </Badge>
  );
}

/** One alert: how severe, what kind, what the checks found and what to do about it. */
export function AlertItem({ alert, overriddenReason }: { alert: PrescriptionAlert; overriddenReason?: string | undefined }) {
  return (
    <Paper withBorder p={6}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <SeverityBadge severity={alert.severity} />
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {alertKindLabels[alert.kind]}
          </Text>
          <Text size="sm">{alert.message}</Text>
          {alert.advice !== '' && (
            <Text size="xs" c="dimmed">
              {alert.advice}
            </Text>
          )}
          {overriddenReason !== undefined && <Text size="xs">Overridden: {overriddenReason}</Text>}
        </Stack>
      </Group>
    </Paper>
  );
}

/** The checks' findings, most severe first, each with the reason it was overridden, if it was. */
export function AlertList({ alerts, label, reasons = new Map() }: { alerts: readonly PrescriptionAlert[]; label: string; reasons?: ReadonlyMap<string, string> }) {
  if (alerts.length === 0) return null;
  return (
    <Stack gap={4} role="list" aria-label={label}>
      {sortedAlerts(alerts).map((alert) => (
        <div key={alert.id} role="listitem">
          <AlertItem alert={alert} overriddenReason={reasons.get(alert.id)} />
        </div>
      ))}
    </Stack>
  );
}

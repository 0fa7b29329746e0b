import { Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { PrescriptionLine } from '#shared/modules/prescriptions/index.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { messageOf } from '../../forms/schema-form.ts';
import { useHasRole } from '../../state/clinic-hooks.ts';
import type { EncounterPanelProps } from '../define.ts';
import { AlertList } from './AlertList.tsx';
import { LineForm } from './LineForm.tsx';
import { LinesTable } from './LinesTable.tsx';
import { PrintModal } from './PrintModal.tsx';
import { RepeatModal } from './RepeatModal.tsx';

/**
 * The encounter's prescription: its medicines, the checks' alerts over the whole draft, and while
 * the encounter is open, writing, changing and removing lines and repeating an earlier
 * prescription. Once signed it only reads and prints. Doctors write; a pharmacist only reads.
 */
export function PrescriptionPanel({ encounterId, patientId, encounterStatus }: EncounterPanelProps) {
  const doctor = useHasRole('DOCTOR');
  const current = useCall('prescriptions.ofEncounter', { encounterId });
  const [editing, setEditing] = useState<PrescriptionLine | null>(null);
  const [removing, setRemoving] = useState(false);
  const [dialog, setDialog] = useState<'repeat' | 'print' | null>(null);
  const writable = doctor && encounterStatus === 'OPEN';
  const prescription = current.status === 'done' ? current.result.prescription : null;
  const lines = prescription?.lines ?? [];
  const reasons = new Map(lines.flatMap((line) => line.overrides.map((override) => [override.alertId, override.reason] as const)));

  const remove = async (line: PrescriptionLine): Promise<void> => {
    setRemoving(true);
    try {
      await api.call('prescriptions.removeLine', { encounterId, lineId: line.id });
      if (editing?.id === line.id) setEditing(null);
      current.reload();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not removed', message: messageOf(error) });
    } finally {
      setRemoving(false);
    }
  };

  return (
    <Paper withBorder p="xs" component="section" aria-label="Prescriptions">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Title order={2} size="h4">
              Prescriptions
            </Title>
            {prescription !== null && (
              <>
                <Text size="sm" fw={600}>
                  {prescription.reference}
                </Text>
                <Badge variant="light" c="dark.9" style={{ textTransform: 'none' }}>
                  {prescription.status === 'SIGNED' ? 'Signed' : 'Draft, signed with the note'}
                </Badge>
              </>
            )}
          </Group>
          <Group gap="xs">
            {writable && (
              <Button size="xs" variant="default" onClick={() => setDialog('repeat')}>
                Repeat earlier…
              </Button>
            )}
            {prescription !== null && lines.length > 0 && (
              <Button size="xs" variant="light" onClick={() => setDialog('print')}>
                Print…
              </Button>
            )}
          </Group>
        </Group>
        {current.status === 'failed' && <Text size="sm">{current.error.message}</Text>}
        {current.status === 'loading' && <Loader size="sm" aria-label="Loading the prescription" />}
        {current.status === 'done' && lines.length === 0 && <Text size="sm">No medicine prescribed{writable ? ' yet' : ''}.</Text>}
        {lines.length > 0 && <LinesTable lines={lines} label="Medicines prescribed" actions={writable ? { onEdit: setEditing, onRemove: (line) => void remove(line), busy: removing } : undefined} />}
        {current.status === 'done' && <AlertList alerts={current.result.alerts} label="Alerts on this prescription" reasons={reasons} />}
        {writable && (
          <LineForm
            key={editing?.id ?? 'new'}
            encounterId={encounterId}
            editing={editing}
            onSaved={() => {
              setEditing(null);
              current.reload();
            }}
            onCancelEdit={() => setEditing(null)}
          />
        )}
      </Stack>
      {dialog === 'repeat' && (
        <RepeatModal
          encounterId={encounterId}
          patientId={patientId}
          onClose={() => setDialog(null)}
          onRepeated={() => {
            setDialog(null);
            current.reload();
          }}
        />
      )}
      {dialog === 'print' && prescription !== null && <PrintModal encounterId={encounterId} reference={prescription.reference} onClose={() => setDialog(null)} />}
    </Paper>
  );
}

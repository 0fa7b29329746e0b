import { Button, Group, Loader, Modal, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { AlertOverride, PrescriptionAlert } from '#shared/modules/medicines/index.ts';
import type { Prescription } from '#shared/modules/prescriptions/index.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { formatDate, localDateIn } from '../../format/time.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';
import { lineInputFromSaved } from './line-form-values.ts';
import { OverrideModal } from './OverrideModal.tsx';

type Props = { encounterId: string; patientId: string; onRepeated: () => void; onClose: () => void };

/**
 * The patient's earlier signed prescriptions; one action copies all of a prescription's medicines
 * into this one, checked like new lines (a severe alert asks for its reason first).
 */
export function RepeatModal({ encounterId, patientId, onRepeated, onClose }: Props) {
  const timeZone = useClinicZone();
  const history = useCall('prescriptions.ofPatient', { patientId });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [pending, setPending] = useState<{ prescription: Prescription; alerts: PrescriptionAlert[] } | null>(null);

  const repeat = async (prescription: Prescription, overrides: AlertOverride[]): Promise<void> => {
    await api.call('prescriptions.repeat', { encounterId, prescriptionId: prescription.id, overrides });
    onRepeated();
  };
  const start = async (prescription: Prescription): Promise<void> => {
    setBusy(prescription.id);
    setFailure(null);
    try {
      const checked = await api.call('prescriptions.check', { encounterId, lines: prescription.lines.map(lineInputFromSaved) });
      const needed = checked.alerts.filter((alert) => checked.needReason.includes(alert.id));
      if (needed.length > 0) setPending({ prescription, alerts: needed });
      else await repeat(prescription, []);
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(null);
    }
  };

  if (pending !== null) return <OverrideModal alerts={pending.alerts} action="Override and repeat" onConfirm={(overrides) => repeat(pending.prescription, overrides)} onClose={() => setPending(null)} />;
  const earlier = history.status === 'done' ? history.result.prescriptions.filter((prescription) => prescription.encounterId !== encounterId) : [];
  return (
    <Modal opened onClose={onClose} title="Repeat an earlier prescription" size="lg">
      <Stack gap="xs">
        <FormAlert message={failure} />
        {history.status === 'failed' && <FormAlert message={history.error.message} />}
        {history.status !== 'done' && history.status !== 'failed' && <Loader size="sm" aria-label="Loading earlier prescriptions" />}
        {history.status === 'done' && earlier.length === 0 && <Text size="sm">This patient has no earlier signed prescription.</Text>}
        {earlier.map((prescription) => (
          <Paper key={prescription.id} withBorder p="xs" component="article" aria-label={`Prescription ${prescription.reference}`}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {prescription.reference} · {prescription.signedAt === null ? 'not signed' : formatDate(localDateIn(prescription.signedAt, timeZone))} · {prescription.doctorName}
                </Text>
                {prescription.lines.map((line) => (
                  <Text key={line.id} size="sm">
                    {line.productLabel}: {line.dose.amount} {line.dose.unit} {line.frequency}
                    {line.durationDays === null ? '' : `, ${String(line.durationDays)} days`}
                  </Text>
                ))}
              </Stack>
              <Button size="xs" onClick={() => void start(prescription)} loading={busy === prescription.id} disabled={busy !== null} aria-label={`Repeat ${prescription.reference}`}>
                Repeat
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Modal>
  );
}

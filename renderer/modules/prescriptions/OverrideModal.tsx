import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { AlertOverride, PrescriptionAlert } from '#shared/modules/medicines/index.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { AlertItem } from './AlertList.tsx';

type Props = {
  /** The severe alerts that need a reason before the save goes ahead. */
  alerts: readonly PrescriptionAlert[];
  /** What the save is, for the button: "Override and save", "Override and repeat". */
  action: string;
  onConfirm: (overrides: AlertOverride[]) => Promise<void>;
  onClose: () => void;
};

/**
 * A severe or contraindicated alert goes ahead only with the doctor's reason for each one; the
 * core stores it with the line and audits it.
 */
export function OverrideModal({ alerts, action, onConfirm, onClose }: Props) {
  const [reasons, setReasons] = useState<Readonly<Record<string, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const complete = alerts.every((alert) => (reasons[alert.id] ?? '').trim().length >= 3);
  const confirm = async (): Promise<void> => {
    setSaving(true);
    setFailure(null);
    try {
      await onConfirm(alerts.map((alert) => ({ alertId: alert.id, reason: (reasons[alert.id] ?? '').trim() })));
    } catch (error) {
      setFailure(messageOf(error));
      setSaving(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={alerts.length === 1 ? 'Override a severe alert' : `Override ${String(alerts.length)} severe alerts`} size="lg">
      <Stack gap="sm">
        <Text size="sm">This medicine is not given as it stands. To go ahead, say why for each alert; the reason is kept with the prescription.</Text>
        <FormAlert message={failure} />
        {alerts.map((alert, index) => (
          <Stack key={alert.id} gap={4}>
            <AlertItem alert={alert} />
            <Textarea
              label={alerts.length === 1 ? 'Reason to go ahead' : `Reason to go ahead (${String(index + 1)})`}
              required
              data-autofocus={index === 0 ? true : undefined}
              value={reasons[alert.id] ?? ''}
              onChange={(event) => setReasons({ ...reasons, [alert.id]: event.currentTarget.value })}
              autosize
              minRows={1}
              maxRows={3}
              maxLength={500}
            />
          </Stack>
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={saving} disabled={!complete}>
            {action}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

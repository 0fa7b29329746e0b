import { Alert, Button, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '#shared/api/errors.ts';
import { isPrescriptionReference, type PrescriptionToDispense } from '#shared/modules/dispensing/index.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { formatDateTime } from '../../format/time.ts';
import { useAppStore } from '../../state/store.ts';
import { useScanCapture } from '../../scanning/use-scan-capture.ts';
import { alertsToOverride, freshDraft, packsOf, type Draft, type LineDraft } from './dispense-draft.ts';
import { DispenseLinesTable } from './DispenseLinesTable.tsx';
import { PatientBanner } from './PatientBanner.tsx';
import { SafetyAlerts } from './SafetyAlerts.tsx';

type CounterPatient = { readonly id: string; readonly fullName: string };
/** Something the pharmacist must stop for: the wrong patient or the wrong medicine. */
type Stop = { readonly title: string; readonly message: string };

/**
 * The pharmacy counter: the prescription's QR code (scanned anywhere on the screen, or its
 * reference typed) opens it; the pharmacist confirms the patient, scans each pack to check it
 * against the prescription, and hands over all or part of what remains.
 */
export function DispenseTab() {
  const [reference, setReference] = useState('');
  const [prescription, setPrescription] = useState<PrescriptionToDispense | null>(null);
  const [counter, setCounter] = useState<CounterPatient | null>(null);
  const [draft, setDraft] = useState<Draft>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [stop, setStop] = useState<Stop | null>(null);
  const [checkedNote, setCheckedNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const timeZone = useAppStore((state) => state.session?.activeClinic?.timeZone ?? 'UTC');

  const show = (next: PrescriptionToDispense) => {
    setPrescription(next);
    setDraft(freshDraft(next));
    setReasons({});
  };

  const load = async (typed: string) => {
    setFailure(null);
    setStop(null);
    setCheckedNote(null);
    try {
      show(await api.call('dispensing.find', { reference: typed, counterPatientId: counter?.id ?? null }));
      setReference('');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT' && error.field === 'counterPatientId') setStop({ title: 'Wrong patient', message: error.message });
      else setFailure(messageOf(error));
    }
  };

  const checkPack = async (code: string) => {
    if (prescription === null) return;
    setStop(null);
    setCheckedNote(null);
    try {
      const scanned = await api.call('dispensing.scanPack', { prescriptionId: prescription.prescriptionId, code });
      if (scanned.outcome === 'wrong-medicine') setStop({ title: 'Wrong medicine', message: scanned.message });
      else if (scanned.outcome === 'unknown') setStop({ title: 'Unknown pack', message: scanned.message });
      else {
        const line = prescription.lines.find((candidate) => candidate.id === scanned.lineId);
        const batchId = scanned.batchId !== null && line?.batches.some((batch) => batch.batchId === scanned.batchId) === true ? scanned.batchId : undefined;
        setDraft((current) => ({ ...current, [scanned.lineId]: { ...(current[scanned.lineId] ?? { quantity: '0', batchId: '', checked: false }), checked: true, ...(batchId === undefined ? {} : { batchId }) } }));
        setCheckedNote([`Pack of ${scanned.productLabel} checked${scanned.lot === null ? '' : `, lot ${scanned.lot}`}.`, ...scanned.warnings].join(' '));
      }
    } catch (error) {
      setFailure(messageOf(error));
    }
  };

  useScanCapture({ onScan: (code) => void (isPrescriptionReference(code) || prescription === null ? load(code) : checkPack(code)) });

  const change = (lineId: string, update: Partial<LineDraft>) => setDraft((current) => ({ ...current, [lineId]: { ...(current[lineId] ?? { quantity: '', batchId: '', checked: false }), ...update } }));

  const nextPatient = () => {
    setPrescription(null);
    setCounter(null);
    setDraft({});
    setStop(null);
    setCheckedNote(null);
    setFailure(null);
  };

  const handOver = prescription === null ? [] : prescription.lines.filter((line) => line.remaining > 0 && packsOf(draft[line.id]) > 0);
  const unchecked = handOver.filter((line) => draft[line.id]?.checked !== true);
  const missingReasons = prescription === null ? [] : alertsToOverride(prescription).filter((alert) => (reasons[alert.id] ?? '').trim().length < 3);
  const confirmed = prescription !== null && counter?.id === prescription.patient.id;
  const blocker = !confirmed ? 'Confirm the patient at the counter first.' : handOver.length === 0 ? 'Choose the packs to hand over.' : unchecked.length > 0 ? `Scan or check the pack of ${unchecked.map((line) => line.productLabel).join(', ')}.` : missingReasons.length > 0 ? 'Give a reason for each severe alert.' : null;

  const dispense = async () => {
    if (prescription === null || counter === null || blocker !== null) return;
    setBusy(true);
    setFailure(null);
    try {
      const lines = handOver.map((line) => ({ prescriptionLineId: line.id, quantity: packsOf(draft[line.id]), batchId: (draft[line.id]?.batchId ?? '') === '' ? null : (draft[line.id]?.batchId ?? null) }));
      const overrides = alertsToOverride(prescription).map((alert) => ({ alertId: alert.id, reason: (reasons[alert.id] ?? '').trim() }));
      const result = await api.call('dispensing.dispense', { prescriptionId: prescription.prescriptionId, counterPatientId: counter.id, lines, overrides });
      const packs = lines.reduce((sum, line) => sum + line.quantity, 0);
      const open = result.prescription.lines.reduce((sum, line) => sum + line.remaining, 0);
      notifications.show({ color: 'green', message: `Dispensed ${String(packs)} pack${packs === 1 ? '' : 's'}. ${open === 0 ? 'The prescription is complete.' : `${String(open)} remain open on ${result.prescription.reference}.`}` });
      show(result.prescription);
      setCheckedNote(null);
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Prescription reference"
          description="Scan the QR code of the prescription anywhere on this screen, or type its reference and press Enter."
          value={reference}
          onChange={(event) => setReference(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && reference.trim() !== '') {
              event.preventDefault();
              void load(reference);
            }
          }}
          w={420}
        />
        <Button variant="default" onClick={nextPatient}>
          Next patient
        </Button>
      </Group>
      {stop !== null && (
        <Alert color="red" variant="filled" role="alert" title={`Stop: ${stop.title}`}>
          {stop.message}
        </Alert>
      )}
      <FormAlert message={failure} />
      {prescription === null ? (
        <Text>{counter === null ? 'No prescription open. Scan the QR code on the prescription to start.' : `Patient at the counter: ${counter.fullName}. Scan their prescription.`}</Text>
      ) : (
        <Stack>
          <Title order={2} size="h4">
            Prescription {prescription.reference} by {prescription.doctorName}
          </Title>
          <PatientBanner patient={prescription.patient} confirmed={confirmed} onConfirm={() => setCounter({ id: prescription.patient.id, fullName: prescription.patient.fullName })} />
          <SafetyAlerts alerts={prescription.alerts} prescriberReasons={new Map(prescription.prescriberOverrides.map((override) => [override.alertId, override.reason]))} reasons={reasons} onReason={(alertId, reason) => setReasons((current) => ({ ...current, [alertId]: reason }))} />
          {checkedNote !== null && (
            <Alert color="green" role="status" title="Pack checked">
              {checkedNote}
            </Alert>
          )}
          <DispenseLinesTable lines={prescription.lines} draft={draft} onChange={change} />
          {prescription.complete ? (
            <Text fw={600}>Everything on this prescription has been dispensed.</Text>
          ) : (
            <Group>
              <Button onClick={() => void dispense()} disabled={blocker !== null} loading={busy}>
                Dispense
              </Button>
              {blocker !== null && <Text size="sm">{blocker}</Text>}
            </Group>
          )}
          {prescription.dispenses.length > 0 && (
            <Stack gap={4}>
              <Title order={3} size="h5">
                Handed over before
              </Title>
              <List size="sm">
                {prescription.dispenses.map((entry) => (
                  <List.Item key={entry.id}>
                    {formatDateTime(entry.dispensedAt, timeZone)} by {entry.pharmacistName}: {entry.lines.map((line) => `${String(line.quantity)} × ${line.productLabel} (lot ${line.lot})`).join(', ')}
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
        </Stack>
      )}
    </Stack>
  );
}

import { Alert, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { PatientRecord } from '#shared/modules/patients/calls.ts';
import { sexLabels } from '#shared/modules/patients/patient.ts';
import { useCall } from '../../api/use-call.ts';
import { Refusal } from '../../components/Refusal.tsx';
import { ageLabel, patientName } from '../../format/people.ts';
import { formatDate } from '../../format/time.ts';
import { useClinicToday, useHasRole, useIsFrontDesk } from '../../state/clinic-hooks.ts';
import { patientRoute } from '../../state/routes.ts';
import { useAppStore } from '../../state/store.ts';
import { AppointmentList, BookingModal } from '../appointments/index.ts';
import { chartRoute } from '../consultation/index.ts';
import { AllergyBanner } from './AllergyBanner.tsx';
import { MergeModal } from './MergeModal.tsx';
import { PatientFormModal } from './PatientFormModal.tsx';
import { openWalkIn, showingRecordOf, WALK_IN_SHORTCUT } from '../queue/index.ts';

type Dialog = 'edit' | 'book' | 'merge' | null;

function Fact({ label, value }: { label: string; value: string }) {
  if (value === '') return null;
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

function PatientDetails({ record }: { record: PatientRecord }) {
  const today = useClinicToday();
  const frontDesk = useIsFrontDesk();
  // Doctors and the front desk open the clinical chart from here (a patient found by the search).
  const clinical = useHasRole('DOCTOR', 'STAFF');
  const navigate = useAppStore((state) => state.navigate);
  const [dialog, setDialog] = useState<Dialog>(null);
  const appointments = useCall('appointments.ofPatient', { patientId: record.id });
  const heading = useRef<HTMLHeadingElement>(null);
  const { id, mrn, givenName, familyName } = record;
  const picked = { id, mrn, givenName, familyName };
  const close = (): void => setDialog(null);
  // Opening a record (from the search, a list, a registration) puts the desk inside it: the
  // heading, whence Tab reaches the record's actions and a screen reader reads whose record it is.
  useEffect(() => heading.current?.focus({ preventScroll: true }), [id]);
  // The walk-in shortcut adds the patient on screen.
  useEffect(() => {
    showingRecordOf({ id, mrn, givenName, familyName });
    return () => showingRecordOf(null);
  }, [id, mrn, givenName, familyName]);
  return (
    <Stack>
      {record.redirectedFrom !== null && (
        <Alert color="blue" role="status">
          The record you opened was merged into this one.
        </Alert>
      )}
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} ref={heading} tabIndex={-1}>
            {patientName(record)}
          </Title>
          <Text c="dimmed">
            {record.mrn}
            {record.mrn === record.provisionalMrn ? ' (provisional until this workstation reaches the hub)' : ''} · {sexLabels[record.sex]} · {ageLabel(record.birthDate, record.birthDateEstimated, today)}
            {record.birthDate !== null && !record.birthDateEstimated ? ` · born ${formatDate(record.birthDate)}` : ''}
          </Text>
        </div>
        {clinical && !frontDesk && (
          <Button variant="light" onClick={() => navigate(chartRoute(id))}>
            Open chart
          </Button>
        )}
        {frontDesk && (
          <Group gap="xs">
            {clinical && (
              <Button variant="light" onClick={() => navigate(chartRoute(id))}>
                Open chart
              </Button>
            )}
            <Button onClick={() => setDialog('book')}>Book appointment</Button>
            <Button variant="light" onClick={() => openWalkIn(picked)} aria-keyshortcuts={WALK_IN_SHORTCUT}>
              Add to queue
            </Button>
            <Button variant="default" onClick={() => setDialog('edit')}>
              Edit
            </Button>
            <Button variant="subtle" color="orange" onClick={() => setDialog('merge')}>
              Merge…
            </Button>
          </Group>
        )}
      </Group>
      <AllergyBanner record={record} />
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Fact label="Phone" value={record.phone} />
          <Fact label="Email" value={record.email} />
          <Fact label="Address" value={[record.address, record.postalCode].filter((part) => part !== '').join(', ')} />
          <Fact label="National id / reference" value={record.nationalId} />
          <Fact label="Emergency contact" value={[record.emergencyContactName, record.emergencyContactPhone].filter((part) => part !== '').join(' · ')} />
          <Fact label="Chronic conditions" value={record.conditions.map((condition) => condition.name).join(', ')} />
          <Fact label="Clinics" value={record.clinics.map((clinic) => clinic.code).join(', ')} />
          <Fact label="Last visit" value={record.lastVisitAt === null ? 'none yet' : formatDate(record.lastVisitAt.slice(0, 10))} />
          <Fact label="Merged records" value={record.mergedRecords.map((merged) => merged.mrn).join(', ')} />
          <Fact label="Registered offline as" value={record.provisionalMrn !== null && record.provisionalMrn !== record.mrn ? record.provisionalMrn : ''} />
        </SimpleGrid>
        {record.notes !== '' && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {record.notes}
          </Text>
        )}
      </Card>
      <Title order={2} size="h4">
        Appointments
      </Title>
      {appointments.status === 'done' ? <AppointmentList appointments={appointments.result.appointments} showPatient={false} label="Appointments of this patient" /> : <Loader size="sm" />}
      {dialog === 'edit' && <PatientFormModal existing={record} onClose={close} onSaved={close} onOpenOther={(id) => navigate(patientRoute(id))} />}
      {dialog === 'book' && <BookingModal start={{ patient: picked, doctorUserId: null, slot: null }} onClose={close} />}
      {dialog === 'merge' && (
        <MergeModal
          record={record}
          onClose={close}
          onMerged={(survivorId) => {
            close();
            navigate(patientRoute(survivorId));
          }}
        />
      )}
    </Stack>
  );
}

/** One patient's record, audited as a read each time it is opened. */
export function PatientPage({ patientId }: { patientId: string }) {
  const record = useCall('patients.get', { patientId });
  if (record.status === 'loading' || record.status === 'idle') return <Loader aria-label="Opening the record" />;
  if (record.status === 'failed') {
    if (record.error.code === 'FORBIDDEN') return <Refusal what="this record" reason={record.error.message} />;
    return (
      <Alert color="red" role="alert">
        {record.error.message}
      </Alert>
    );
  }
  return <PatientDetails key={record.result.id} record={record.result} />;
}

import { Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import type { Chart } from '#shared/modules/consultation/calls.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { Refusal } from '../../components/Refusal.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { useHasRole } from '../../state/clinic-hooks.ts';
import { useAppStore } from '../../state/store.ts';
import { chartSections } from '../registry.ts';
import { encounterRoute } from './consultation-routes.ts';
import { EncounterTimeline } from './EncounterTimeline.tsx';
import { PatientBanner } from './PatientBanner.tsx';
import { RecordVitalsModal } from './RecordVitalsModal.tsx';
import { VitalsCharts } from './VitalsCharts.tsx';

function ChartScreen({ chart }: { chart: Chart }) {
  const doctor = useHasRole('DOCTOR');
  const navigate = useAppStore((state) => state.navigate);
  const [recording, setRecording] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const patientId = chart.patient.id;
  useEffect(() => heading.current?.focus({ preventScroll: true }), [patientId]);
  const open = chart.encounters.find((entry) => entry.encounter.status !== 'COMPLETED');
  const startUnscheduled = async (): Promise<void> => {
    try {
      const encounter = await api.call('consultation.startUnscheduled', { patientId });
      navigate(encounterRoute(encounter.id));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not started', message: messageOf(error) });
    }
  };
  return (
    <Stack gap="sm">
      <PatientBanner record={chart.patient} problems={chart.problems} headingRef={heading} />
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4">
          Chart
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => setRecording(true)}>
            Record vitals
          </Button>
          {doctor && open !== undefined && (
            <Button size="xs" variant="default" onClick={() => navigate(encounterRoute(open.encounter.id))}>
              Open {open.encounter.reference}
            </Button>
          )}
          {doctor && (
            <Button size="xs" onClick={() => void startUnscheduled()}>
              Start unscheduled encounter
            </Button>
          )}
        </Group>
      </Group>
      {chart.summaryOnly && <Text size="sm">You see the chart summary: diagnoses and vitals. Notes are for doctors.</Text>}
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <EncounterTimeline chart={chart} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="xs" component="section" aria-label="Vitals over time">
            <Title order={3} size="h5">
              Vitals over time
            </Title>
            <VitalsCharts readings={chart.vitals} />
          </Stack>
        </Grid.Col>
      </Grid>
      {chartSections.map(({ key, Section }) => (
        <Section key={key} patientId={patientId} />
      ))}
      {recording && <RecordVitalsModal patient={chart.patient} onClose={() => setRecording(false)} />}
    </Stack>
  );
}

/** A patient's whole chart; opening it is audited by the core. */
export function ChartPage({ id }: { id: string }) {
  const chart = useCall('consultation.chart', { patientId: id });
  if (chart.status === 'failed') return <Refusal what="this chart" reason={chart.error.message} />;
  if (chart.status !== 'done') return <Loader aria-label="Loading the chart" />;
  return <ChartScreen chart={chart.result} />;
}

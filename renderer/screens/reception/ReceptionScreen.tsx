import { Button, Stack, Tabs, Title } from '@mantine/core';
import { receptionTabs, type ReceptionTab } from '../../state/routes.ts';
import { useAppStore } from '../../state/store.ts';
import { useRole } from '../../state/clinic-hooks.ts';
import { AppointmentsTab } from './AppointmentsTab.tsx';
import { DoctorsTab } from './DoctorsTab.tsx';
import { PatientPage } from './PatientPage.tsx';
import { PatientsTab } from './PatientsTab.tsx';
import { QueueTab } from './QueueTab.tsx';

const tabLabels: Readonly<Record<ReceptionTab, string>> = { queue: 'Queue', appointments: 'Appointments', patients: 'Patients', doctors: 'Doctors' };

/** The front desk's day: the queue, the appointment book, patients, and doctors' schedules. */
export function ReceptionScreen() {
  const route = useAppStore((state) => state.route);
  const navigate = useAppStore((state) => state.navigate);
  const role = useRole();
  // A pharmacist looks patients up; the book and the queue are not theirs.
  const tabs = role === 'PHARMACIST' ? (['patients'] as const) : receptionTabs;
  if (route.tab === 'patient' && route.id !== undefined && route.id !== null) {
    return (
      <Stack>
        <Button variant="subtle" w="fit-content" onClick={() => window.history.back()}>
          ← Back
        </Button>
        <PatientPage patientId={route.id} />
      </Stack>
    );
  }
  const tab: ReceptionTab = tabs.find((candidate) => candidate === route.tab) ?? tabs[0];
  return (
    <Stack>
      <Title order={1}>Reception</Title>
      <Tabs value={tab} onChange={(value) => navigate({ section: 'reception', tab: value })} keepMounted={false}>
        <Tabs.List>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {tabLabels[name]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="queue" pt="md">
          <QueueTab />
        </Tabs.Panel>
        <Tabs.Panel value="appointments" pt="md">
          <AppointmentsTab />
        </Tabs.Panel>
        <Tabs.Panel value="patients" pt="md">
          <PatientsTab />
        </Tabs.Panel>
        <Tabs.Panel value="doctors" pt="md">
          <DoctorsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

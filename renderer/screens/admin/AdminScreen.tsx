import { Stack, Tabs, Title } from '@mantine/core';
import { adminTabs, type AdminTab } from '../../state/routes.ts';
import { useAppStore } from '../../state/store.ts';
import { AuditPanel } from './AuditPanel.tsx';
import { ClinicPanel } from './ClinicPanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';

const tabLabels: Readonly<Record<AdminTab, string>> = { users: 'Users', clinic: 'Clinic details', audit: 'Audit log' };

export function AdminScreen() {
  const route = useAppStore((state) => state.route);
  const navigate = useAppStore((state) => state.navigate);
  const tab: AdminTab = adminTabs.find((candidate) => candidate === route.tab) ?? 'users';
  return (
    <Stack>
      <Title order={1}>Administration</Title>
      <Tabs value={tab} onChange={(value) => navigate({ section: 'administration', tab: value })} keepMounted={false}>
        <Tabs.List>
          {adminTabs.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {tabLabels[name]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="users" pt="md">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="clinic" pt="md">
          <ClinicPanel />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

import { AppShell, Box, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { roleNames } from '#shared/domain/roles.ts';
import { api } from '../api/api.ts';
import { ClinicSwitcher } from '../components/ClinicSwitcher.tsx';
import { SignOutButton } from '../components/SignOutButton.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { headerWidgets, tabsOf } from '../modules/registry.ts';
import { sectionLabels, sections, type Section } from '../state/routes.ts';
import { useAppStore } from '../state/store.ts';
import { PlaceholderScreen } from './PlaceholderScreen.tsx';
import { SyncScreen } from './sync/SyncScreen.tsx';
import { TabbedSection } from './TabbedSection.tsx';

function SectionScreen({ section }: { section: Section }) {
  if (section === 'sync') return <SyncScreen />;
  // A section shows its modules' tabs once one adds any; until then it says what is to come.
  if (section === 'administration' || section === 'reception' || tabsOf(section, null).length > 0) return <TabbedSection section={section} />;
  return <PlaceholderScreen section={section} />;
}

/** The signed-in shell: header with clinic, status and account; navigation; the current screen. */
export function AppFrame() {
  const session = useAppStore((state) => state.session);
  const route = useAppStore((state) => state.route);
  const navigate = useAppStore((state) => state.navigate);
  const setLocked = useAppStore((state) => state.setLocked);
  const [navigationOpen, setNavigationOpen] = useLocalStorage({ key: 'clinic-desk.navigation-open', defaultValue: true });
  if (session === null || session.activeClinic === null) return null;
  const clinic = session.activeClinic;
  // Administration is listed for administrators only; the core refuses it to everyone else anyway.
  const visible = sections.filter((section) => section !== 'administration' || clinic.roles.includes('ADMIN'));

  const lockNow = (): void => {
    setLocked(true);
    api.call('auth.lock', {}).catch(() => undefined);
  };

  return (
    // The sections can fold away, so the screen gets the width at 1024 pixels; the header keeps
    // one line: the account's name sits under the sections, the sync badge is short.
    <AppShell header={{ height: 60 }} navbar={{ width: 200, breakpoint: 'sm', collapsed: { desktop: !navigationOpen, mobile: !navigationOpen } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navigationOpen} onClick={() => setNavigationOpen(!navigationOpen)} size="sm" aria-label={navigationOpen ? 'Hide the sections' : 'Show the sections'} aria-expanded={navigationOpen} aria-controls="app-sections" />
            {session.memberships.length > 1 ? (
              <ClinicSwitcher />
            ) : (
              <>
                <Title order={2} size="h4" data-one-line>
                  {clinic.name}
                </Title>
                <Text c="dimmed" size="sm" data-one-line>
                  {clinic.code}
                </Text>
              </>
            )}
          </Group>
          <Box style={{ flex: '1 1 380px', minWidth: 160, maxWidth: 380 }}>
            {headerWidgets.map((Widget, index) => (
              <Widget key={index} />
            ))}
          </Box>
          <Group gap="sm" wrap="nowrap">
            <StatusBadge />
            <Button variant="subtle" color="gray" onClick={lockNow}>
              Lock screen
            </Button>
            <SignOutButton />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections" id="app-sections">
        <AppShell.Section grow>
          {visible.map((section) => (
            <NavLink
              key={section}
              component="button"
              label={sectionLabels[section]}
              active={route.section === section}
              aria-current={route.section === section ? 'page' : undefined}
              onClick={() => navigate({ section, tab: null })}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section p="xs">
          <Text size="sm" aria-label="Signed in as">
            {session.user.fullName} · {roleNames(clinic.roles)}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <SectionScreen section={route.section} />
      </AppShell.Main>
    </AppShell>
  );
}

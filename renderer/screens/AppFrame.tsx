import { AppShell, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { roleNames } from '#shared/domain/roles.ts';
import { api } from '../api/api.ts';
import { ClinicSwitcher } from '../components/ClinicSwitcher.tsx';
import { SignOutButton } from '../components/SignOutButton.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { headerWidgets } from '../modules/registry.ts';
import { sectionLabels, sections, type Section } from '../state/routes.ts';
import { useAppStore } from '../state/store.ts';
import { PlaceholderScreen } from './PlaceholderScreen.tsx';
import { SyncScreen } from './sync/SyncScreen.tsx';
import { TabbedSection } from './TabbedSection.tsx';

function SectionScreen({ section }: { section: Section }) {
  if (section === 'administration' || section === 'reception') return <TabbedSection section={section} />;
  if (section === 'sync') return <SyncScreen />;
  return <PlaceholderScreen section={section} />;
}

/** The signed-in shell: header with clinic, status and account; navigation; the current screen. */
export function AppFrame() {
  const session = useAppStore((state) => state.session);
  const route = useAppStore((state) => state.route);
  const navigate = useAppStore((state) => state.navigate);
  const setLocked = useAppStore((state) => state.setLocked);
  if (session === null || session.activeClinic === null) return null;
  const clinic = session.activeClinic;
  // Administration is listed for administrators only; the core refuses it to everyone else anyway.
  const visible = sections.filter((section) => section !== 'administration' || clinic.roles.includes('ADMIN'));

  const lockNow = (): void => {
    setLocked(true);
    api.call('auth.lock', {}).catch(() => undefined);
  };

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {session.memberships.length > 1 ? (
              <ClinicSwitcher />
            ) : (
              <>
                <Title order={2} size="h4">
                  {clinic.name}
                </Title>
                <Text c="dimmed" size="sm">
                  {clinic.code}
                </Text>
              </>
            )}
          </Group>
          {headerWidgets.map((Widget, index) => (
            <Widget key={index} />
          ))}
          <Group gap="sm" wrap="nowrap">
            <StatusBadge />
            <Text size="sm" aria-label="Signed in as">
              {session.user.fullName} · {roleNames(clinic.roles)}
            </Text>
            <Button variant="subtle" color="gray" onClick={lockNow}>
              Lock screen
            </Button>
            <SignOutButton />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
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
      </AppShell.Navbar>
      <AppShell.Main>
        <SectionScreen section={route.section} />
      </AppShell.Main>
    </AppShell>
  );
}

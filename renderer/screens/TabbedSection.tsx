import { Button, Stack, Tabs, Title } from '@mantine/core';
import type { TabbedSectionName } from '../modules/define.ts';
import { recordPageOf, tabsOf } from '../modules/registry.ts';
import { useRoles } from '../state/clinic-hooks.ts';
import { sectionLabels } from '../state/routes.ts';
import { useAppStore } from '../state/store.ts';

/** A section of the shell whose tabs the modules add (renderer/modules/registry.ts), and their record pages. */
export function TabbedSection({ section }: { section: TabbedSectionName }) {
  const route = useAppStore((state) => state.route);
  const navigate = useAppStore((state) => state.navigate);
  const roles = useRoles();
  const recordPage = recordPageOf(section, route.tab);
  if (recordPage !== undefined && route.id !== undefined && route.id !== null) {
    return (
      <Stack>
        <Button variant="subtle" w="fit-content" onClick={() => window.history.back()}>
          ← Back
        </Button>
        <recordPage.Page id={route.id} />
      </Stack>
    );
  }
  // A role none of the section's tabs are for, opening it by its address, still gets them: the
  // core refuses their calls and the screen says why. Hiding is a courtesy; the check is the core's.
  const allowed = tabsOf(section, roles);
  const tabs = allowed.length > 0 ? allowed : tabsOf(section, null);
  const current = tabs.find((entry) => entry.tab === route.tab) ?? tabs[0];
  if (current === undefined) return null;
  return (
    <Stack>
      <Title order={1}>{sectionLabels[section]}</Title>
      <Tabs value={current.tab} onChange={(value) => navigate({ section, tab: value })} keepMounted={false}>
        <Tabs.List>
          {tabs.map((entry) => (
            <Tabs.Tab key={entry.tab} value={entry.tab}>
              {entry.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((entry) => (
          <Tabs.Panel key={entry.tab} value={entry.tab} pt="md">
            <entry.Screen />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

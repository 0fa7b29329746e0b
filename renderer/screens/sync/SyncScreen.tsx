import { Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { api } from '../../api/api.ts';
import { useHasRole, useIsFrontDesk } from '../../state/clinic-hooks.ts';
import { useAppStore } from '../../state/store.ts';
import { ConflictsPanel } from './ConflictsPanel.tsx';
import { ConnectHubForm } from './ConnectHubForm.tsx';
import { JoinCodePanel } from './JoinCodePanel.tsx';
import { PendingChangesPanel } from './PendingChangesPanel.tsx';
import { ReferenceNumbersWarning } from './ReferenceNumbersWarning.tsx';
import { RejectionsPanel } from './RejectionsPanel.tsx';
import { SyncOverview } from './SyncOverview.tsx';

/**
 * Where sync is explained and looked after. Each panel matches a call's access rule, so a role
 * sees what the core would let it do: conflicts for the front desk and doctors (resolved by the
 * front desk), the hub link, waiting changes and refused changes for administrators.
 */
export function SyncScreen() {
  const status = useAppStore((state) => state.syncStatus);
  const applySyncStatus = useAppStore((state) => state.applySyncStatus);
  const isAdmin = useHasRole('ADMIN');
  const frontDesk = useIsFrontDesk();
  const seesConflicts = useHasRole('ADMIN', 'STAFF', 'DOCTOR');
  useEffect(() => {
    // Fresh figures on opening; events keep them current while the screen is open.
    api.call('sync.status', {}).then(applySyncStatus, () => undefined);
  }, [applySyncStatus]);
  const standalone = status === null || status.state === 'standalone';
  return (
    <Stack maw={960}>
      <Title order={1}>Sync</Title>
      <SyncOverview status={status} canCompare={isAdmin} />
      {!standalone && <ReferenceNumbersWarning supplies={status.referenceNumbers} />}
      {standalone && isAdmin && <ConnectHubForm />}
      {standalone && !isAdmin && <Text size="sm">An administrator can connect this workstation to the clinic’s hub here.</Text>}
      {!standalone && isAdmin && <JoinCodePanel />}
      {!standalone && seesConflicts && <ConflictsPanel canResolve={frontDesk} />}
      {!standalone && isAdmin && <RejectionsPanel />}
      {!standalone && isAdmin && <PendingChangesPanel pendingChanges={status.pendingChanges} />}
    </Stack>
  );
}

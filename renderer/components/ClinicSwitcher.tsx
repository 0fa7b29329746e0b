import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { api } from '../api/api.ts';
import { messageOf } from '../forms/schema-form.ts';
import { useAppStore } from '../state/store.ts';

/** Shown only to people with roles in more than one clinic. */
export function ClinicSwitcher() {
  const session = useAppStore((state) => state.session);
  const applySession = useAppStore((state) => state.applySession);
  if (session === null || session.memberships.length < 2 || session.activeClinic === null) return null;

  const switchTo = async (clinicId: string | null): Promise<void> => {
    if (clinicId === null || clinicId === session.activeClinic?.clinicId) return;
    try {
      applySession(await api.call('auth.selectClinic', { clinicId }));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Clinic not switched', message: messageOf(error) });
    }
  };

  return (
    <Select
      aria-label="Clinic"
      size="xs"
      w={240}
      allowDeselect={false}
      value={session.activeClinic.clinicId}
      data={session.memberships.map((membership) => ({ value: membership.clinicId, label: `${membership.clinicName} (${membership.clinicCode})` }))}
      onChange={(value) => void switchTo(value)}
    />
  );
}

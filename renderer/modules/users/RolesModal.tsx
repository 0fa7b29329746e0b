import { Button, Checkbox, Fieldset, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { UserSummary } from '#shared/modules/users/calls.ts';
import { roleLabels, roles, type Role } from '#shared/domain/roles.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';

type Clinic = { id: string; code: string; name: string };

function heldRoles(user: UserSummary): Map<string, ReadonlySet<Role>> {
  return new Map(user.memberships.map((membership) => [membership.clinicId, new Set(membership.roles)]));
}

/**
 * The roles a person holds in each clinic the administrator manages, as ticks: several in one
 * clinic if they do several jobs there. Saving gives and takes only the roles whose tick changed,
 * one call each, so another administrator's change to a different role is never overwritten.
 */
export function RolesModal({ user, clinics, onClose }: { user: UserSummary; clinics: readonly Clinic[]; onClose: () => void }) {
  const [initial] = useState(() => heldRoles(user));
  const [chosen, setChosen] = useState<Map<string, ReadonlySet<Role>>>(() => new Map(clinics.map((clinic) => [clinic.id, initial.get(clinic.id) ?? new Set<Role>()])));
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (clinicId: string, role: Role, held: boolean): void => {
    setChosen((previous) => {
      const roleSet = new Set(previous.get(clinicId));
      if (held) roleSet.add(role);
      else roleSet.delete(role);
      return new Map(previous).set(clinicId, roleSet);
    });
  };

  const save = async (): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      // Gifts first: taking the Administrator role from one person while giving it to another never leaves a clinic without one.
      for (const [clinicId, roleSet] of chosen) {
        const before = initial.get(clinicId) ?? new Set<Role>();
        for (const role of roles) if (roleSet.has(role) && !before.has(role)) await api.call('users.grantRole', { userId: user.id, clinicId, role });
      }
      for (const [clinicId, roleSet] of chosen) {
        const before = initial.get(clinicId) ?? new Set<Role>();
        for (const role of roles) if (!roleSet.has(role) && before.has(role)) await api.call('users.revokeRole', { userId: user.id, clinicId, role });
      }
      onClose();
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={`Roles of ${user.fullName}`}>
      <Stack>
        <Text size="sm">Tick every role this person holds in each clinic; what they may do there is all of them together.</Text>
        <FormAlert message={failure} />
        {clinics.map((clinic) => (
          <Fieldset key={clinic.id} legend={`${clinic.name} (${clinic.code})`}>
            <SimpleGrid cols={2} spacing="xs">
              {roles.map((role) => (
                <Checkbox
                  key={role}
                  label={roleLabels[role]}
                  checked={chosen.get(clinic.id)?.has(role) ?? false}
                  onChange={(event) => toggle(clinic.id, role, event.currentTarget.checked)}
                />
              ))}
            </SimpleGrid>
          </Fieldset>
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            Save roles
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { UserSummary } from '#shared/modules/users/calls.ts';
import { roleSchema, type Role } from '#shared/domain/roles.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { roleOptions } from './CreateUserModal.tsx';

const NO_ROLE = 'NONE';

/** One role per clinic the administrator manages; "No role" takes it away. */
export function RolesModal({ user, clinics, onClose }: { user: UserSummary; clinics: readonly { id: string; code: string; name: string }[]; onClose: () => void }) {
  const initial = new Map(user.memberships.map((membership) => [membership.clinicId, membership.role]));
  const [chosen, setChosen] = useState<Map<string, Role | null>>(() => new Map(clinics.map((clinic) => [clinic.id, initial.get(clinic.id) ?? null])));
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      for (const [clinicId, role] of chosen) {
        if ((initial.get(clinicId) ?? null) !== role) await api.call('users.setRole', { userId: user.id, clinicId, role });
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
        <Text size="sm">A person has one role in each clinic.</Text>
        <FormAlert message={failure} />
        {clinics.map((clinic) => (
          <Select
            key={clinic.id}
            label={`${clinic.name} (${clinic.code})`}
            allowDeselect={false}
            data={[{ value: NO_ROLE, label: 'No role' }, ...roleOptions]}
            value={chosen.get(clinic.id) ?? NO_ROLE}
            onChange={(value) => {
              const parsed = roleSchema.safeParse(value);
              setChosen((previous) => new Map(previous).set(clinic.id, parsed.success ? parsed.data : null));
            }}
          />
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

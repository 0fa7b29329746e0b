import { Alert, Badge, Button, Group, Loader, Menu, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import type { UserSummary } from '#shared/modules/users/calls.ts';
import { roleNames } from '#shared/domain/roles.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { Refusal } from '../../components/Refusal.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { useAppStore } from '../../state/store.ts';
import { CreateUserModal } from './CreateUserModal.tsx';
import { EditUserModal } from './EditUserModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { RolesModal } from './RolesModal.tsx';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserSummary }
  | { kind: 'roles'; user: UserSummary }
  | { kind: 'reset'; user: UserSummary }
  | null;

function StatusBadges({ user }: { user: UserSummary }) {
  return (
    <Group gap={4}>
      {user.active ? <Badge color="green" variant="light">Active</Badge> : <Badge color="gray">Deactivated</Badge>}
      {user.lockedUntil !== null && <Badge color="red">Locked</Badge>}
      {user.mustChangePassword && <Badge color="yellow" variant="light">Must change password</Badge>}
    </Group>
  );
}

function matches(user: UserSummary, query: string): boolean {
  const needle = query.trim().toLowerCase();
  return needle === '' || user.fullName.toLowerCase().includes(needle) || user.username.includes(needle) || user.email.toLowerCase().includes(needle);
}

export function UsersPanel() {
  const selfId = useAppStore((state) => state.session?.user.id);
  const listing = useCall('users.list', {});
  const [dialog, setDialog] = useState<Dialog>(null);
  const [query, setQuery] = useState('');
  const users = useMemo(() => (listing.status === 'done' ? listing.result.users.filter((user) => matches(user, query)) : []), [listing, query]);

  if (listing.status === 'loading' || listing.status === 'idle') return <Loader aria-label="Loading users" />;
  if (listing.status === 'failed') {
    if (listing.error.code === 'FORBIDDEN') return <Refusal what="Administration" reason={listing.error.message} />;
    return <Alert color="red" role="alert">{listing.error.message}</Alert>;
  }
  const { manageableClinics } = listing.result;

  const setActive = async (user: UserSummary, active: boolean): Promise<void> => {
    try {
      await api.call('users.setActive', { userId: user.id, active });
      notifications.show({ color: 'green', message: `${user.fullName} is now ${active ? 'active' : 'deactivated'}.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not changed', message: messageOf(error) });
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <TextInput aria-label="Find a user" placeholder="Find by name, username or email" value={query} onChange={(event) => setQuery(event.currentTarget.value)} w={320} />
        <Button onClick={() => setDialog({ kind: 'create' })}>New user</Button>
      </Group>
      <Table striped highlightOnHover aria-label="Users">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Username</Table.Th>
            <Table.Th>Roles</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>{user.fullName}</Table.Td>
              <Table.Td>{user.username}</Table.Td>
              <Table.Td>
                {user.memberships.length === 0 ? (
                  <Text c="dimmed" size="sm">No role</Text>
                ) : (
                  user.memberships.map((membership) => (
                    <Text key={membership.clinicId} size="sm">
                      {roleNames(membership.roles)}
                      {manageableClinics.length > 1 ? ` · ${membership.clinicCode}` : ''}
                    </Text>
                  ))
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadges user={user} />
                {!user.canManageAccount && (
                  <Text size="xs" c="dimmed" mt={4}>
                    Also works in a clinic you do not administer: you can change only the roles here.
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Menu position="bottom-end">
                  <Menu.Target>
                    <Button variant="default" size="xs" aria-label={`Actions for ${user.fullName}`}>
                      Actions
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {user.canManageAccount && <Menu.Item onClick={() => setDialog({ kind: 'edit', user })}>Edit details</Menu.Item>}
                    <Menu.Item onClick={() => setDialog({ kind: 'roles', user })}>Roles</Menu.Item>
                    {user.canManageAccount && <Menu.Item onClick={() => setDialog({ kind: 'reset', user })}>Reset password</Menu.Item>}
                    {/* The account itself is changed only by an administrator of every clinic where the person works. */}
                    {user.canManageAccount &&
                      user.id !== selfId &&
                      (user.active ? (
                        <Menu.Item color="red" onClick={() => void setActive(user, false)}>
                          Deactivate
                        </Menu.Item>
                      ) : (
                        <Menu.Item onClick={() => void setActive(user, true)}>Activate</Menu.Item>
                      ))}
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {users.length === 0 && <Text c="dimmed">No user matches.</Text>}
      {dialog?.kind === 'create' && <CreateUserModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <EditUserModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'roles' && <RolesModal user={dialog.user} clinics={manageableClinics} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

import { Alert, Badge, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { clinicStatusLabels } from '#shared/modules/clinics/clinic.ts';
import { roleNames } from '#shared/domain/roles.ts';
import { api } from '../api/api.ts';
import { messageOf } from '../forms/schema-form.ts';
import { useAppStore } from '../state/store.ts';
import { SignOutButton } from '../components/SignOutButton.tsx';

/** For users with roles in several clinics: pick where to work now; the header can switch later. */
export function ClinicPickerScreen() {
  const session = useAppStore((state) => state.session);
  const applySession = useAppStore((state) => state.applySession);
  const [failure, setFailure] = useState<string | null>(null);
  if (session === null) return null;

  const choose = async (clinicId: string): Promise<void> => {
    setFailure(null);
    try {
      applySession(await api.call('auth.selectClinic', { clinicId }));
    } catch (error) {
      setFailure(messageOf(error));
    }
  };

  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder p="xl" radius="md" w={440}>
        <Stack>
          <Title order={1} size="h2">
            Choose a clinic
          </Title>
          <Text c="dimmed">Hello {session.user.fullName}. Where are you working now?</Text>
          {failure !== null && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          {session.memberships.map((membership) => (
            <Button
              key={membership.clinicId}
              variant="light"
              justify="space-between"
              onClick={() => void choose(membership.clinicId)}
              rightSection={
                membership.clinicStatus === 'ACTIVE' ? (
                  <Text size="xs">{roleNames(membership.roles)}</Text>
                ) : (
                  <Badge color="orange">{clinicStatusLabels[membership.clinicStatus]}</Badge>
                )
              }
            >
              {membership.clinicName} ({membership.clinicCode})
            </Button>
          ))}
          <SignOutButton />
        </Stack>
      </Paper>
    </Center>
  );
}

import { Container, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { CreateClinicForm } from './setup/CreateClinicForm.tsx';
import { JoinClinicForm } from './setup/JoinClinicForm.tsx';

/** First run: a new clinic here, or join one that other workstations already share through a hub. */
export function SetupScreen() {
  return (
    <Container component="main" size="sm" py="xl">
      <Paper withBorder p="xl" radius="md">
        <Stack>
          <Title order={1}>Set up Clinic Desk</Title>
          <Text c="dimmed">This workstation has no clinic yet.</Text>
          <Tabs defaultValue="create" keepMounted={false}>
            <Tabs.List grow>
              <Tabs.Tab value="create">Create a new clinic</Tabs.Tab>
              <Tabs.Tab value="join">Join an existing clinic</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="create" pt="md">
              <CreateClinicForm />
            </Tabs.Panel>
            <Tabs.Panel value="join" pt="md">
              <JoinClinicForm />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      </Paper>
    </Container>
  );
}

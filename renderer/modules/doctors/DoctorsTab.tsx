import { Badge, Button, Grid, Group, Loader, Select, Stack, Switch, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Doctor } from '#shared/modules/doctors/calls.ts';
import { doctorProfileInputSchema } from '#shared/modules/doctors/schedule.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useCallForm } from '../../forms/use-call-form.ts';
import { useHasRole, useIsFrontDesk } from '../../state/clinic-hooks.ts';
import { ExceptionsEditor } from './ExceptionsEditor.tsx';
import { ScheduleEditor } from './ScheduleEditor.tsx';

function ProfileForm({ doctor }: { doctor: Doctor }) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { userId: doctor.userId, specialization: doctor.specialization ?? '', registrationNumber: doctor.registrationNumber, visibility: doctor.visibility, active: doctor.specialization === null ? true : doctor.active },
    validate: schemaResolver(doctorProfileInputSchema, { sync: true }),
  });
  const { failure, run } = useCallForm(form.setErrors);
  const submit = form.onSubmit(async (values) => {
    if (await run(() => api.call('doctors.saveProfile', values))) notifications.show({ color: 'green', message: `Profile of ${doctor.fullName} saved.` });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Doctor profile">
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput label="Specialization" required {...form.getInputProps('specialization')} />
          <TextInput label="Registration number" {...form.getInputProps('registrationNumber')} />
          <Select label="Visibility" allowDeselect={false} data={[{ value: 'PUBLIC', label: 'Public' }, { value: 'PRIVATE', label: 'Private' }]} {...form.getInputProps('visibility')} />
        </Group>
        <Switch label="Taking appointments" {...form.getInputProps('active', { type: 'checkbox' })} />
        <FormAlert message={failure} />
        <Group>
          <Button type="submit" size="xs">
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DoctorSchedule({ doctor }: { doctor: Doctor }) {
  const frontDesk = useIsFrontDesk();
  const isAdmin = useHasRole('ADMIN');
  const schedule = useCall('schedules.get', { doctorUserId: doctor.userId });
  return (
    <Stack>
      <Title order={2} size="h4">
        {doctor.fullName}
      </Title>
      {isAdmin && <ProfileForm key={doctor.userId} doctor={doctor} />}
      <Title order={3} size="h5">
        Weekly schedule
      </Title>
      {schedule.status === 'done' ? <ScheduleEditor key={JSON.stringify(schedule.result.sessions)} doctorUserId={doctor.userId} sessions={schedule.result.sessions} editable={frontDesk} /> : <Loader size="sm" />}
      <Title order={3} size="h5">
        Leave, holidays and extra sessions
      </Title>
      {schedule.status === 'done' && <ExceptionsEditor doctorUserId={doctor.userId} exceptions={schedule.result.exceptions} editable={frontDesk} />}
    </Stack>
  );
}

/** The clinic's doctors: profiles (administrators) and schedules (the front desk). */
export function DoctorsTab() {
  const doctors = useCall('doctors.list', {});
  const [chosen, setChosen] = useState<string | null>(null);
  if (doctors.status !== 'done') return doctors.status === 'failed' ? <Text c="red">{doctors.error.message}</Text> : <Loader />;
  const list = doctors.result.doctors;
  const doctor = list.find((candidate) => candidate.userId === chosen) ?? list[0];
  if (doctor === undefined) return <Text c="dimmed">No user has the Doctor role in this clinic yet. An administrator gives it under Administration → Users.</Text>;
  return (
    <Grid>
      <Grid.Col span={{ base: 12, xl: 4 }}>
        <Table aria-label="Doctors" highlightOnHover>
          <Table.Tbody>
            {list.map((candidate) => (
              <Table.Tr key={candidate.userId} bg={candidate.userId === doctor.userId ? 'teal.0' : undefined}>
                <Table.Td>
                  {/* The button shows the name only, so its spoken name ("Schedule of …") holds what it shows. */}
                  <UnstyledButton onClick={() => setChosen(candidate.userId)} aria-label={`Schedule of ${candidate.fullName}`}>
                    <Text size="sm" fw={600}>
                      {candidate.fullName}
                    </Text>
                  </UnstyledButton>
                  <Text size="xs" c="dimmed">
                    {candidate.specialization ?? 'No profile yet'}
                  </Text>
                </Table.Td>
                <Table.Td>{candidate.bookable ? <Badge variant="light">Bookable</Badge> : <Badge color="gray">Not bookable</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Grid.Col>
      <Grid.Col span={{ base: 12, xl: 8 }}>
        <DoctorSchedule key={doctor.userId} doctor={doctor} />
      </Grid.Col>
    </Grid>
  );
}

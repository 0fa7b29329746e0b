import { Avatar, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Problem } from '#shared/modules/consultation/calls.ts';
import type { PatientRecord } from '#shared/modules/patients/index.ts';
import { ageLabel, patientName } from '../../format/people.ts';
import { formatDate } from '../../format/time.ts';
import { useClinicToday } from '../../state/clinic-hooks.ts';
import { AllergyBanner } from '../patients/index.ts';

const sexWords = { MALE: 'Male', FEMALE: 'Female', OTHER: 'Other' } as const;

function initialsOf(record: PatientRecord): string {
  return `${record.givenName.charAt(0)}${record.familyName.charAt(0)}`.toUpperCase();
}

/**
 * On top of every clinical screen: who this is (name, age and sex, two identifiers: record
 * number and date of birth), what they are allergic to, and their active problems. The patient
 * record has no photo yet; their initials stand in its place.
 */
export function PatientBanner({ record, problems, headingRef }: { record: PatientRecord; problems: readonly Problem[]; headingRef?: React.Ref<HTMLHeadingElement> }) {
  const today = useClinicToday();
  return (
    <Paper withBorder p="sm" component="section" aria-label="Patient">
      <Group wrap="nowrap" align="flex-start" gap="md">
        <Avatar size="lg" color="teal" radius="xl" aria-hidden>
          {initialsOf(record)}
        </Avatar>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="sm" align="baseline" wrap="wrap">
            <Title order={1} size="h3" ref={headingRef} tabIndex={-1}>
              {patientName(record)}
            </Title>
            <Text size="sm">
              {sexWords[record.sex]} · {ageLabel(record.birthDate, record.birthDateEstimated, today)}
            </Text>
          </Group>
          <Group gap="md" wrap="wrap">
            <Text size="sm" data-identifier="mrn">
              Record number <strong>{record.mrn}</strong>
            </Text>
            <Text size="sm" data-identifier="birth-date">
              Born <strong>{record.birthDate === null ? 'unknown' : `${formatDate(record.birthDate)}${record.birthDateEstimated ? ' (estimated)' : ''}`}</strong>
            </Text>
          </Group>
          <AllergyBanner record={record} />
          <Group gap={6} component="section" aria-label="Active problems" wrap="wrap">
            <Text size="sm" fw={600}>
              Active problems:
            </Text>
            {problems.length === 0 ? (
              <Text size="sm">none recorded</Text>
            ) : (
              problems.map((problem) => (
                <Badge key={`${problem.source}-${problem.code ?? problem.name}`} variant="light" color="gray" style={{ textTransform: 'none' }}>
                  {problem.code === null ? problem.name : `${problem.code} ${problem.name}`}
                </Badge>
              ))
            )}
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}

import { Alert, Badge, Button, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { AuditEntry, AuditOutcome } from '#shared/modules/audit/calls.ts';
import { auditOutcomes } from '#shared/modules/audit/calls.ts';
import { auditActionChoices, auditActionLabel } from '#shared/modules/audit/action-labels.ts';
import { auditActor, auditOutcomeLabels, describeAuditDetail } from '#shared/modules/audit/audit-csv.ts';
import { ApiError } from '#shared/api/errors.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { Refusal } from '../../components/Refusal.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { formatDateTimeToSecond, todayIn } from '../../format/time.ts';
import { useAppStore } from '../../state/store.ts';
import { PatientPicker } from '../patients/index.ts';
import { downloadAuditCsv } from './audit-export.ts';
import { auditQuery, noAuditFilters, type AuditFilters } from './audit-query.ts';

const outcomeColors: Readonly<Record<AuditOutcome, string>> = { SUCCESS: 'green', FAILURE: 'red', DENIED: 'orange' };
const actionChoices = auditActionChoices();

/** Which record an entry is about: a patient by name and record number, an account by its person. */
/** On screen only (the CSV keeps plain hyphens): "waiting-room" never splits at its hyphen in a narrow column. */
function keepHyphenatedWordsWhole(text: string): string {
  return text.replaceAll('-', '\u2011');
}

function AboutCell({ entry }: { entry: AuditEntry }) {
  if (entry.patient !== null) {
    return (
      <Text size="sm">
        {entry.patient.givenName} {entry.patient.familyName} · <Text span size="xs" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
          {entry.patient.mrn}
        </Text>
      </Text>
    );
  }
  if (entry.subjectName !== null) return <Text size="sm">{entry.subjectName}</Text>;
  return <Text size="sm">{entry.entityType?.replaceAll('_', ' ') ?? ''}</Text>;
}

export function AuditPanel() {
  const clinic = useAppStore((state) => state.session?.activeClinic ?? null);
  const timeZone = clinic?.timeZone ?? 'UTC';
  const dataVersion = useAppStore((state) => state.dataVersion);
  const [filters, setFilters] = useState<AuditFilters>(noAuditFilters);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | string | null>(null);
  const [exporting, setExporting] = useState(false);
  const people = useCall('users.list', {});
  const userOptions = people.status === 'done' ? people.result.users.map((user) => ({ value: user.id, label: `${user.fullName} (${user.username})` })) : [];
  const query = auditQuery(filters, timeZone);
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    let current = true;
    api.call('audit.list', { ...query, limit: 100 }).then(
      (page) => {
        if (!current) return;
        setEntries(page.entries);
        setCursor(page.nextCursor);
        setFailure(null);
      },
      (error: unknown) => current && setFailure(error instanceof ApiError ? error : messageOf(error)),
    );
    return () => {
      current = false;
    };
    // The query is compared by its JSON: a fresh object with the same filters loads nothing again.
  }, [queryKey, dataVersion]);

  const loadMore = async (): Promise<void> => {
    if (cursor === null) return;
    try {
      const page = await api.call('audit.list', { ...query, limit: 100, before: cursor });
      setEntries((previous) => [...(previous ?? []), ...page.entries]);
      setCursor(page.nextCursor);
    } catch (error) {
      setFailure(messageOf(error));
    }
  };

  const exportCsv = async (): Promise<void> => {
    setExporting(true);
    try {
      const { count, complete } = await downloadAuditCsv(query, { clinicCode: clinic?.code ?? 'clinic', timeZone, today: todayIn(timeZone) });
      notifications.show({ color: complete ? 'green' : 'orange', title: 'Audit log exported', message: complete ? `${count} entries.` : `The newest ${count} entries; narrow the dates to export the rest.` });
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setExporting(false);
    }
  };

  if (failure instanceof ApiError && failure.code === 'FORBIDDEN') return <Refusal what="the audit log" reason={failure.message} />;

  return (
    <Stack>
      <Group align="flex-end">
        <TextInput label="From" type="date" value={filters.from} onChange={(event) => setFilters({ ...filters, from: event.currentTarget.value })} />
        <TextInput label="To" type="date" value={filters.to} onChange={(event) => setFilters({ ...filters, to: event.currentTarget.value })} />
        <Select label="Who" clearable searchable w={240} data={userOptions} value={filters.userId} onChange={(userId) => setFilters({ ...filters, userId })} />
        <Select label="Action" clearable searchable w={280} data={actionChoices} value={filters.action} onChange={(action) => setFilters({ ...filters, action })} />
        <Select
          label="Outcome"
          clearable
          w={140}
          data={auditOutcomes.map((outcome) => ({ value: outcome, label: auditOutcomeLabels[outcome] }))}
          value={filters.outcome}
          onChange={(value) => setFilters({ ...filters, outcome: auditOutcomes.find((outcome) => outcome === value) ?? null })}
        />
      </Group>
      <Group align="flex-end" justify="space-between">
        <div style={{ minWidth: 320 }}>
          <PatientPicker label="About patient" value={filters.patient} onChange={(patient) => setFilters({ ...filters, patient })} />
        </div>
        <Group gap="xs">
          <Button variant="default" onClick={() => setFilters(noAuditFilters)}>
            Clear filters
          </Button>
          <Button variant="default" loading={exporting} onClick={() => void exportCsv()}>
            Export CSV
          </Button>
        </Group>
      </Group>
      {failure !== null && (
        <Alert color="red" role="alert">
          {failure instanceof ApiError ? failure.message : failure}
        </Alert>
      )}
      {entries === null ? (
        <Loader aria-label="Loading the audit log" />
      ) : (
        <Table striped aria-label="Audit log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th>About</Table.Th>
              <Table.Th>Workstation</Table.Th>
              <Table.Th>Detail</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>{formatDateTimeToSecond(entry.at, timeZone)}</Table.Td>
                <Table.Td>{auditActor(entry) || '—'}</Table.Td>
                <Table.Td>{keepHyphenatedWordsWhole(auditActionLabel(entry.action))}</Table.Td>
                <Table.Td>
                  {/* At its full width: a squeezed table cut "Refused" to "REFU…". */}
                  <Badge color={outcomeColors[entry.outcome]} variant="light" style={{ minWidth: 'max-content' }}>
                    {auditOutcomeLabels[entry.outcome]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <AboutCell entry={entry} />
                </Table.Td>
                <Table.Td>{entry.deviceName ?? entry.deviceId.slice(-8)}</Table.Td>
                <Table.Td>
                  {/* Details can hold whole ids, which have no better place to break than anywhere. */}
                  <Text size="xs" data-breakable style={{ overflowWrap: 'anywhere' }}>
                    {describeAuditDetail(entry.detail)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {entries !== null && entries.length === 0 && <Text c="dimmed">No entries match.</Text>}
      {cursor !== null && (
        <Button variant="default" onClick={() => void loadMore()}>
          Show older entries
        </Button>
      )}
    </Stack>
  );
}

import { Alert, Badge, Button, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AuditEntry, AuditOutcome } from '#shared/modules/audit/calls.ts';
import { auditOutcomes } from '#shared/modules/audit/calls.ts';
import { ApiError } from '#shared/api/errors.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { Refusal } from '../../components/Refusal.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { useAppStore } from '../../state/store.ts';
import { actionLabels, describeDetail, outcomeLabels } from './audit-labels.ts';

type Filters = { userId: string | null; action: string | null; outcome: AuditOutcome | null; from: string; to: string; entityId: string };
const noFilters: Filters = { userId: null, action: null, outcome: null, from: '', to: '', entityId: '' };
const outcomeColors: Readonly<Record<AuditOutcome, string>> = { SUCCESS: 'green', FAILURE: 'red', DENIED: 'orange' };

/** Dates typed in the clinic's calendar become the UTC bounds of those whole days. */
function dayBound(date: string, end: boolean): string | undefined {
  if (date === '') return undefined;
  const parsed = new Date(`${date}T${end ? '23:59:59.999' : '00:00:00.000'}`);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

function auditQuery(filters: Filters, before?: string) {
  return {
    limit: 100,
    ...(filters.userId === null ? {} : { userId: filters.userId }),
    ...(filters.action === null ? {} : { action: filters.action }),
    ...(filters.outcome === null ? {} : { outcome: filters.outcome }),
    ...(filters.entityId.trim() === '' ? {} : { entityId: filters.entityId.trim() }),
    ...(dayBound(filters.from, false) === undefined ? {} : { from: dayBound(filters.from, false) }),
    ...(dayBound(filters.to, true) === undefined ? {} : { to: dayBound(filters.to, true) }),
    ...(before === undefined ? {} : { before }),
  };
}

export function AuditPanel() {
  const timeZone = useAppStore((state) => state.session?.activeClinic?.timeZone);
  const dataVersion = useAppStore((state) => state.dataVersion);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | string | null>(null);
  const people = useCall('users.list', {});
  const userOptions = people.status === 'done' ? people.result.users.map((user) => ({ value: user.id, label: `${user.fullName} (${user.username})` })) : [];

  useEffect(() => {
    let current = true;
    api.call('audit.list', auditQuery(filters)).then(
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
  }, [filters, dataVersion]);

  const loadMore = async (): Promise<void> => {
    if (cursor === null) return;
    try {
      const page = await api.call('audit.list', auditQuery(filters, cursor));
      setEntries((previous) => [...(previous ?? []), ...page.entries]);
      setCursor(page.nextCursor);
    } catch (error) {
      setFailure(messageOf(error));
    }
  };

  if (failure instanceof ApiError && failure.code === 'FORBIDDEN') return <Refusal what="the audit log" reason={failure.message} />;
  const formatTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium', ...(timeZone === undefined ? {} : { timeZone }) });

  return (
    <Stack>
      <Group align="flex-end">
        <Select label="Who" clearable searchable w={240} data={userOptions} value={filters.userId} onChange={(userId) => setFilters({ ...filters, userId })} />
        <Select
          label="Action"
          clearable
          searchable
          w={260}
          data={Object.entries(actionLabels).map(([value, label]) => ({ value, label }))}
          value={filters.action}
          onChange={(action) => setFilters({ ...filters, action })}
        />
        <Select
          label="Outcome"
          clearable
          w={140}
          data={auditOutcomes.map((outcome) => ({ value: outcome, label: outcomeLabels[outcome] }))}
          value={filters.outcome}
          onChange={(value) => setFilters({ ...filters, outcome: auditOutcomes.find((outcome) => outcome === value) ?? null })}
        />
        <TextInput label="From" type="date" value={filters.from} onChange={(event) => setFilters({ ...filters, from: event.currentTarget.value })} />
        <TextInput label="To" type="date" value={filters.to} onChange={(event) => setFilters({ ...filters, to: event.currentTarget.value })} />
        <TextInput label="Record id" w={200} value={filters.entityId} onChange={(event) => setFilters({ ...filters, entityId: event.currentTarget.value })} />
        <Button variant="default" onClick={() => setFilters(noFilters)}>
          Clear filters
        </Button>
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
              <Table.Th>Record</Table.Th>
              <Table.Th>Workstation</Table.Th>
              <Table.Th>Detail</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>{formatTime.format(new Date(entry.at))}</Table.Td>
                <Table.Td>{entry.userName ?? (entry.attemptedUsername === null ? '—' : `unknown name "${entry.attemptedUsername}"`)}</Table.Td>
                <Table.Td>{actionLabels[entry.action] ?? entry.action}</Table.Td>
                <Table.Td>
                  <Badge color={outcomeColors[entry.outcome]} variant="light">
                    {outcomeLabels[entry.outcome]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {entry.entityType === null ? '' : `${entry.entityType} ${entry.entityId?.slice(-8) ?? ''}`}
                  </Text>
                </Table.Td>
                <Table.Td>{entry.deviceName ?? entry.deviceId.slice(-8)}</Table.Td>
                <Table.Td>
                  {/* Details can hold whole ids, which have no better place to break than anywhere. */}
                  <Text size="xs" data-breakable style={{ overflowWrap: 'anywhere' }}>
                    {describeDetail(entry.detail)}
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

import { Badge, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { planStatusLabels, stepStatusLabels, type PlanStatus, type PlanStep, type TreatmentPlan } from '#shared/modules/procedures/plan.ts';
import { formatDate, formatDateTime } from '../../format/time.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';
import { useMoney } from './use-money.ts';

/** What a person may do to a plan and its steps; the core checks the same. */
export type PlanPermissions = { readonly canWrite: boolean; readonly canBook: boolean };

export type PlanActions = {
  readonly onMove: (plan: TreatmentPlan, status: PlanStatus) => void;
  readonly onEdit: (plan: TreatmentPlan) => void;
  readonly onAddStep: (plan: TreatmentPlan) => void;
  readonly onEditStep: (plan: TreatmentPlan, step: PlanStep) => void;
  readonly onCancelStep: (plan: TreatmentPlan, step: PlanStep) => void;
  readonly onBookStep: (plan: TreatmentPlan, step: PlanStep) => void;
};

const moves: Readonly<Record<PlanStatus, readonly { to: PlanStatus; label: string }[]>> = {
  PROPOSED: [{ to: 'ACCEPTED', label: 'Accept' }],
  ACCEPTED: [{ to: 'IN_PROGRESS', label: 'Start' }],
  IN_PROGRESS: [{ to: 'COMPLETED', label: 'Complete' }],
  COMPLETED: [],
  CANCELLED: [],
};

const statusColors: Readonly<Record<PlanStatus, string>> = { PROPOSED: 'gray', ACCEPTED: 'blue', IN_PROGRESS: 'teal', COMPLETED: 'green', CANCELLED: 'red' };

function StepRow({ plan, step, open, permissions, actions }: { plan: TreatmentPlan; step: PlanStep; open: boolean; permissions: PlanPermissions; actions: PlanActions }) {
  const money = useMoney();
  const timeZone = useClinicZone();
  const pending = open && (step.status === 'PLANNED' || step.status === 'BOOKED');
  const which = `step ${String(step.position)} of ${plan.title}`;
  return (
    <Table.Tr>
      <Table.Td>{step.position}</Table.Td>
      <Table.Td>
        <Text size="sm">
          {step.name}
          {step.site === '' ? '' : ` · ${step.site}`}
        </Text>
        <Text size="xs" c="dimmed">
          {step.code}
          {step.notes === '' ? '' : ` · ${step.notes}`}
        </Text>
      </Table.Td>
      <Table.Td>{step.plannedDate === null ? '—' : formatDate(step.plannedDate)}</Table.Td>
      <Table.Td>
        <Text size="sm">{stepStatusLabels[step.status]}</Text>
        {step.appointment !== null && (
          <Text size="xs">
            {step.appointment.reference} · {formatDateTime(step.appointment.startAt, timeZone)}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{money.show(step.estimatedCostMinor)}</Table.Td>
      <Table.Td>
        {pending && (
          <Group gap={4} wrap="nowrap">
            {permissions.canBook && (
              <Button size="compact-xs" variant="light" aria-label={`${step.status === 'BOOKED' ? 'Rebook' : 'Book'} ${which}`} onClick={() => actions.onBookStep(plan, step)}>
                {step.status === 'BOOKED' ? 'Rebook…' : 'Book…'}
              </Button>
            )}
            {permissions.canWrite && (
              <Button size="compact-xs" variant="default" aria-label={`Change ${which}`} onClick={() => actions.onEditStep(plan, step)}>
                Change…
              </Button>
            )}
            {permissions.canWrite && (
              <Button size="compact-xs" variant="subtle" color="red" aria-label={`Cancel ${which}`} onClick={() => actions.onCancelStep(plan, step)}>
                Cancel
              </Button>
            )}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** One treatment plan: its status, total and progress, its steps, and what may be done to them. */
export function PlanCard({ plan, headingOrder, permissions, actions }: { plan: TreatmentPlan; headingOrder: 3 | 4; permissions: PlanPermissions; actions: PlanActions }) {
  const money = useMoney();
  const open = plan.status !== 'COMPLETED' && plan.status !== 'CANCELLED';
  const percent = plan.progress.of === 0 ? 0 : Math.round((plan.progress.done / plan.progress.of) * 100);
  return (
    <Paper withBorder p="xs" component="article" aria-label={`Treatment plan ${plan.title}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Title order={headingOrder} size="h5">
              {plan.title}
            </Title>
            <Badge variant="light" color={statusColors[plan.status]} style={{ textTransform: 'none' }}>
              {planStatusLabels[plan.status]}
            </Badge>
          </Group>
          {permissions.canWrite && open && (
            <Group gap={4}>
              <Button size="compact-sm" variant="light" onClick={() => actions.onAddStep(plan)}>
                Add step…
              </Button>
              <Button size="compact-sm" variant="default" onClick={() => actions.onEdit(plan)}>
                Rename…
              </Button>
              {moves[plan.status].map((move) => (
                <Button key={move.to} size="compact-sm" variant="default" onClick={() => actions.onMove(plan, move.to)}>
                  {move.label}
                </Button>
              ))}
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => actions.onMove(plan, 'CANCELLED')}>
                Cancel plan
              </Button>
            </Group>
          )}
        </Group>
        <Group gap="md" wrap="wrap">
          <Text size="sm">By {plan.doctor.fullName}</Text>
          <Text size="sm" fw={600}>
            Total {money.show(plan.totalMinor)}
          </Text>
          <Text size="sm">
            {plan.progress.done} of {plan.progress.of} steps done
          </Text>
          <Progress value={percent} w={120} aria-label={`Progress of ${plan.title}`} />
        </Group>
        {plan.notes !== '' && <Text size="sm">{plan.notes}</Text>}
        {plan.steps.length === 0 ? (
          <Text size="sm" c="dimmed">
            No steps yet.
          </Text>
        ) : (
          <Table aria-label={`Steps of ${plan.title}`} withTableBorder verticalSpacing={4} horizontalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>Procedure</Table.Th>
                <Table.Th>Planned</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Estimate</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.steps.map((step) => (
                <StepRow key={step.id} plan={plan} step={step} open={open} permissions={permissions} actions={actions} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

import { Badge } from '@mantine/core';
import { queuePriorityLabels, type QueuePriority } from '#shared/modules/queue/queue.ts';

const colors: Readonly<Record<QueuePriority, string>> = { RED: 'red', ORANGE: 'orange', GREEN: 'green' };

export function PriorityBadge({ priority }: { priority: QueuePriority }) {
  return (
    <Badge color={colors[priority]} variant="filled" aria-label={`Priority ${queuePriorityLabels[priority]}`}>
      {priority}
    </Badge>
  );
}

import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDate, formatWallTime } from '../../format/time.ts';

export type SlotView = { startAt: string; endAt: string; localDate: string; localStart: string; localEnd: string; free: boolean; past: boolean };

/**
 * A doctor's slots, one column per day. Free slots are buttons (Tab and Enter book them); a taken
 * slot shows what fills it, when the caller says; a slot that has begun is never offered. A column
 * names its day only when there are several: a single day is named by the screen's heading.
 */
export function SlotGrid({
  slots,
  days,
  selected,
  onSelect,
  renderTaken,
}: {
  slots: readonly SlotView[];
  days: readonly string[];
  selected?: string | null;
  onSelect: (slot: SlotView) => void;
  renderTaken?: (slot: SlotView) => ReactNode;
}) {
  return (
    <SimpleGrid cols={days.length} spacing="xs">
      {days.map((day) => {
        const daySlots = slots.filter((slot) => slot.localDate === day);
        return (
          <Stack key={day} gap={4} aria-label={`Slots on ${formatDate(day)}`} role="group">
            {days.length > 1 && (
              <Text size="sm" fw={600}>
                {formatDate(day)}
              </Text>
            )}
            {daySlots.length === 0 && (
              <Text size="xs" c="dimmed">
                No sessions
              </Text>
            )}
            {daySlots.map((slot) =>
              slot.free ? (
                <Button
                  key={slot.startAt}
                  size="xs"
                  variant={selected === slot.startAt ? 'filled' : 'light'}
                  onClick={() => onSelect(slot)}
                  aria-label={`Free slot ${formatWallTime(slot.localStart)} on ${formatDate(day)}`}
                  aria-pressed={selected === slot.startAt}
                >
                  {formatWallTime(slot.localStart)}
                </Button>
              ) : (
                <Group key={slot.startAt} gap={4} wrap="nowrap" px={6} py={2} style={{ borderRadius: 4, background: 'var(--mantine-color-gray-1)' }}>
                  <Text size="xs" c="dimmed">
                    {formatWallTime(slot.localStart)}
                  </Text>
                  {renderTaken?.(slot) ?? <Text size="xs" c="dimmed">{slot.past ? 'past' : 'taken'}</Text>}
                </Group>
              ),
            )}
          </Stack>
        );
      })}
    </SimpleGrid>
  );
}

import { Button, Group, Kbd, Text } from '@mantine/core';
import { counterKeys, keyName, type CounterCommand } from './function-keys.ts';

type FunctionKeyBarProps = {
  readonly enabled: (command: CounterCommand) => boolean;
  readonly onCommand: (command: CounterCommand) => void;
};

/** The counter's keys as buttons: each says its key, and a click does what the key does. */
export function FunctionKeyBar({ enabled, onCommand }: FunctionKeyBarProps) {
  return (
    <Group gap={6} role="toolbar" aria-label="Counter keys" id="pos-cart-keys">
      {counterKeys.map((entry) => (
        <Button key={keyName(entry)} size="compact-sm" variant="default" disabled={!enabled(entry.command)} onClick={() => onCommand(entry.command)} leftSection={<Kbd size="xs">{keyName(entry)}</Kbd>} aria-keyshortcuts={keyName(entry)}>
          {entry.label}
        </Button>
      ))}
      <Text size="sm">
        <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> choose a line · <Kbd size="xs">Esc</Kbd> back to the search
      </Text>
    </Group>
  );
}

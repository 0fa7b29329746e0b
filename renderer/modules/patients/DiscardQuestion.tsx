import { Button, Group, Modal, Text } from '@mantine/core';

/**
 * Asked before a half-filled form is thrown away by Escape or the close button. "Keep editing"
 * has the focus, so a second Escape or an Enter loses nothing.
 */
export function DiscardQuestion({ title, onKeep, onDiscard }: { title: string; onKeep: () => void; onDiscard: () => void }) {
  return (
    <Modal opened onClose={onKeep} title={title} size="sm" closeButtonProps={{ 'aria-label': 'Close' }} zIndex={300}>
      <Text size="sm">The details typed so far will be lost.</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" color="red" onClick={onDiscard}>
          Discard
        </Button>
        <Button onClick={onKeep} data-autofocus>
          Keep editing
        </Button>
      </Group>
    </Modal>
  );
}

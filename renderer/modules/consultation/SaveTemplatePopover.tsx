import { Button, Group, Popover, SegmentedControl, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { SoapNote } from '#shared/modules/consultation/encounter.ts';
import { api } from '../../api/api.ts';
import { messageOf } from '../../forms/schema-form.ts';

/** Keeps the note's text as a template: the doctor's own, or the clinic's for every doctor. */
export function SaveTemplatePopover({ note }: { note: SoapNote }) {
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'DOCTOR' | 'CLINIC'>('DOCTOR');
  const save = async (): Promise<void> => {
    try {
      await api.call('consultation.saveTemplate', { name, scope, ...note });
      notifications.show({ color: 'teal', title: 'Template saved', message: `“${name.trim()}” is offered in every note from now on.` });
      setOpened(false);
      setName('');
    } catch (error) {
      notifications.show({ color: 'red', title: 'Template not saved', message: messageOf(error) });
    }
  };
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-end">
      <Popover.Target>
        <Button size="xs" variant="default" onClick={() => setOpened((open) => !open)}>
          Save as template
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          aria-label="Save the note as a template"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput size="xs" label="Template name" data-autofocus value={name} onChange={(event) => setName(event.currentTarget.value)} />
            <SegmentedControl
              size="xs"
              aria-label="Whose template"
              value={scope}
              onChange={(value) => setScope(value === 'CLINIC' ? 'CLINIC' : 'DOCTOR')}
              data={[
                { value: 'DOCTOR', label: 'Mine' },
                { value: 'CLINIC', label: 'Clinic' },
              ]}
            />
            <Button type="submit" size="xs" disabled={name.trim() === ''}>
              Save
            </Button>
          </Group>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

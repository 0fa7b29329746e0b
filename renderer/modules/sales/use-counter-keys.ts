import { useEffect, useRef } from 'react';
import { commandOf, type CounterCommand } from './function-keys.ts';

type CounterKeysOptions = {
  readonly enabled: boolean;
  readonly onCommand: (command: CounterCommand) => void;
  readonly onMove: (step: 1 | -1) => void;
  readonly onEscape: () => void;
};

function isTextField(target: EventTarget | null): target is HTMLInputElement | HTMLTextAreaElement {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

/**
 * The counter's keys, read on the window while no dialog is open. The function keys are read
 * before anything else on the page (the header's F2 finds a patient elsewhere; here it is the
 * quantity, as the screen shows). Delete removes the chosen line unless the person is deleting
 * text in a field; the arrows choose a line unless a list with a use for them (the search's
 * results) took them first.
 */
export function useCounterKeys({ enabled, onCommand, onMove, onEscape }: CounterKeysOptions): void {
  const handlers = useRef({ onCommand, onMove, onEscape });
  handlers.current = { onCommand, onMove, onEscape };
  useEffect(() => {
    if (!enabled) return undefined;
    function onCommandKey(event: KeyboardEvent): void {
      const command = commandOf(event);
      if (command === null || (command === 'remove' && isTextField(event.target) && event.target.value !== '')) return;
      event.preventDefault();
      event.stopPropagation();
      handlers.current.onCommand(command);
    }
    function onOtherKey(event: KeyboardEvent): void {
      if (event.defaultPrevented) return;
      const target = event.target;
      if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !event.altKey && !(target instanceof HTMLTextAreaElement) && !(target instanceof HTMLElement && target.closest('[role="listbox"], [role="radiogroup"], [role="toolbar"]') !== null)) {
        event.preventDefault();
        handlers.current.onMove(event.key === 'ArrowDown' ? 1 : -1);
      } else if (event.key === 'Escape') {
        handlers.current.onEscape();
      }
    }
    window.addEventListener('keydown', onCommandKey, true);
    window.addEventListener('keydown', onOtherKey);
    return () => {
      window.removeEventListener('keydown', onCommandKey, true);
      window.removeEventListener('keydown', onOtherKey);
    };
  }, [enabled]);
}

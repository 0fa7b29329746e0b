import { useEffect, useRef } from 'react';
import { GROUP_SEPARATOR } from '#shared/scanning/group-separator.ts';
import { defaultWedgeThresholds, type WedgeThresholds } from '#shared/scanning/wedge.ts';
import { createWedgeReader } from '#shared/scanning/wedge-reader.ts';

// Captures a keyboard-wedge scan anywhere on the screen that uses it. Keys are read on the
// window before any field sees them; what the reader holds never reaches the focused field, and
// what it gives back (a person typing) is inserted where the caret is, as the key would have.

export type ScanCaptureOptions = {
  readonly onScan: (code: string) => void;
  readonly enabled?: boolean;
  readonly thresholds?: WedgeThresholds;
};

type TextField = HTMLInputElement | HTMLTextAreaElement;

function focusedTextField(): TextField | null {
  const element = document.activeElement;
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) || element.readOnly || element.disabled) return null;
  return element;
}

/**
 * A field whose text cannot be edited at the caret (number, email, date) keeps its keys: the
 * hook could not give them back. The screens that scan use text fields.
 */
function focusedFieldTakesNoEdits(): boolean {
  const field = focusedTextField();
  return field !== null && field.selectionStart === null;
}

/**
 * Replaces the field's selection with `text`, after deleting `deleteBefore` characters before
 * the caret, and tells the page with an input event, as a keystroke would: React reads its
 * change from that event.
 */
function editFocusedField(text: string, deleteBefore = 0): void {
  const field = focusedTextField();
  if (field === null || field.selectionStart === null || (text === '' && deleteBefore === 0)) return;
  const end = field.selectionEnd ?? field.selectionStart;
  const start = Math.max(0, field.selectionStart - deleteBefore);
  field.setRangeText(text, start, end, 'end');
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: text === '' ? 'deleteContentBackward' : 'insertText', data: text === '' ? null : text }));
}

/** A scanner set to send the GS1 group separator types it as Ctrl+]. */
function keyOf(event: KeyboardEvent): string | null {
  if (event.ctrlKey && (event.key === ']' || event.code === 'BracketRight')) return GROUP_SEPARATOR;
  if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return null;
  return event.key;
}

export function useScanCapture({ onScan, enabled = true, thresholds = defaultWedgeThresholds }: ScanCaptureOptions): void {
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;

  useEffect(() => {
    if (!enabled) return undefined;
    const reader = createWedgeReader(thresholds);
    let timer: number | undefined;

    function scheduleIdle(): void {
      window.clearTimeout(timer);
      const due = reader.idleDueAt();
      if (due === null) return;
      timer = window.setTimeout(() => {
        editFocusedField(reader.idle(performance.now()));
        scheduleIdle();
      }, Math.max(0, due - performance.now()));
    }

    function onKeyDown(event: KeyboardEvent): void {
      const key = keyOf(event);
      if (key === null || focusedFieldTakesNoEdits()) return;
      const action = reader.key({ key, at: event.timeStamp });
      if (action.kind === 'scan') {
        event.preventDefault();
        event.stopPropagation();
        editFocusedField('', action.landed);
        onScanRef.current(action.code);
      } else {
        editFocusedField(action.release);
        if (action.kind === 'hold') {
          event.preventDefault();
          event.stopPropagation();
        }
      }
      scheduleIdle();
    }

    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.clearTimeout(timer);
    };
  }, [enabled, thresholds]);
}

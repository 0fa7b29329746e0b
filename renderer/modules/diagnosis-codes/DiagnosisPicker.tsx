import { Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { DiagnosisCode } from '#shared/modules/diagnosis-codes/calls.ts';
import { useDiagnosisSearch } from './use-diagnosis-search.ts';

type Props = {
  /** Shown above the field, and its accessible name. */
  readonly label?: string;
  readonly description?: string;
  /** Called with the code chosen; the field then empties, ready for the next diagnosis. */
  readonly onPick: (code: DiagnosisCode) => void;
  /** Headers (categories with codes below them) are shown but cannot be chosen unless allowed. */
  readonly allowHeaders?: boolean;
  readonly disabled?: boolean;
  readonly error?: string | null;
};

const RESULTS = 12;

/** Choose an ICD-10 code by typing words of its title in any order, or the code with or without its dot. */
export function DiagnosisPicker({ label = 'Diagnosis', description, onPick, allowHeaders = false, disabled = false, error = null }: Props) {
  const [query, setQuery] = useState('');
  // Enter pressed before the results of what was typed arrived chooses the first of them when they do.
  const [enterFor, setEnterFor] = useState<string | null>(null);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const { results, searching, failure, answered } = useDiagnosisSearch(query, RESULTS);
  const pickable = (code: DiagnosisCode): boolean => allowHeaders || code.billable;

  const typed = query.trim();
  // Results of an earlier text are never shown: Enter would choose what is no longer asked for.
  const current = answered === typed ? results : [];

  useEffect(() => {
    if (current.length > 0) combobox.selectFirstOption();
  }, [current, combobox]);

  const pick = (value: string): void => {
    const chosen = results.find((code) => code.code === value);
    if (chosen === undefined || !pickable(chosen)) return;
    onPick(chosen);
    setQuery('');
    setEnterFor(null);
    combobox.closeDropdown();
  };

  useEffect(() => {
    if (enterFor === null || enterFor !== typed || answered !== typed || searching) return;
    setEnterFor(null);
    const first = current.find(pickable);
    if (first !== undefined) pick(first.code);
  }, [enterFor, typed, answered, searching, current]);
  return (
    <Combobox store={combobox} onOptionSubmit={pick} position="bottom-start" withinPortal={false}>
      <Combobox.Target>
        <TextInput
          label={label}
          description={description}
          placeholder="Words of the diagnosis, or its code (J06.9)"
          value={query}
          disabled={disabled}
          error={error ?? failure}
          rightSection={searching ? <Loader size="xs" aria-label="Searching" /> : null}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            setEnterFor(null);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(event) => {
            // Enter chooses a code here; it never submits the form around the picker.
            if (event.key === 'Enter') {
              event.preventDefault();
              if (typed !== '' && answered !== typed) setEnterFor(typed);
            }
            if (event.key === 'Escape') setQuery('');
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={typed === ''}>
        <Combobox.Options aria-label={`${label}: codes found`} mah={320} style={{ overflowY: 'auto' }}>
          {current.length === 0 && !searching && answered === typed && failure === null && <Combobox.Empty>No code matches “{typed}”.</Combobox.Empty>}
          {answered !== typed && <Combobox.Empty>Searching…</Combobox.Empty>}
          {current.map((code) => (
            <Combobox.Option value={code.code} key={code.code} disabled={!pickable(code)}>
              {/* A long title wraps under itself, not under the code. */}
              <Text size="sm" pl="5.5em" style={{ textIndent: '-5.5em' }}>
                <Text span ff="monospace" fw={600} display="inline-block" miw="5.5em" style={{ textIndent: 0 }}>
                  {code.code}
                </Text>{' '}
                {code.title}
                {!code.billable && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · category, choose a code below it
                  </Text>
                )}
              </Text>
            </Combobox.Option>
          ))}
        </Combobox.Options>
        <Group justify="flex-end" px="xs" pb={4}>
          <Text size="xs" c="dimmed">
            ↑ ↓ to choose, Enter to add
          </Text>
        </Group>
      </Combobox.Dropdown>
    </Combobox>
  );
}

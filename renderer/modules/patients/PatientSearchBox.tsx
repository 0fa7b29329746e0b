import { Combobox, Group, Kbd, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import type { PatientSearchResult } from '#shared/modules/patients/calls.ts';
import { api } from '../../api/api.ts';
import { patientFacts, patientName } from '../../format/people.ts';
import { formatDate } from '../../format/time.ts';
import { useClinicToday } from '../../state/clinic-hooks.ts';
import { patientRoute } from '../../state/routes.ts';
import { useAppStore } from '../../state/store.ts';

const SEARCH_DELAY_MS = 120;

/** Results of the latest query only: an answer that arrives after a newer keystroke is dropped. */
export type PatientSearchState = {
  results: PatientSearchResult[];
  searching: boolean;
  failure: string | null;
  /** The text the results answer, so a keystroke's action waits for its own results. */
  answered: string;
};

export function usePatientSearch(query: string, limit: number): PatientSearchState {
  const [debounced] = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const [state, setState] = useState<PatientSearchState>({ results: [], searching: false, failure: null, answered: '' });
  const dataVersion = useAppStore((store) => store.dataVersion);
  useEffect(() => {
    if (debounced === '') {
      setState({ results: [], searching: false, failure: null, answered: '' });
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, searching: true }));
    api.call('patients.search', { query: debounced, limit }).then(
      ({ results }) => current && setState({ results, searching: false, failure: null, answered: debounced }),
      (error: unknown) => current && setState({ results: [], searching: false, failure: error instanceof Error ? error.message : 'Search failed', answered: debounced }),
    );
    return () => {
      current = false;
    };
  }, [debounced, limit, dataVersion]);
  return state;
}

export function PatientResultLine({ patient }: { patient: PatientSearchResult }) {
  const today = useClinicToday();
  return (
    <div>
      <Text size="sm" fw={600}>
        {patientName(patient)}
        {patient.matchedBy === 'typo' ? <Text span size="xs" c="dimmed"> · similar spelling</Text> : null}
      </Text>
      <Text size="xs" c="dimmed">
        {patientFacts(patient, today).join(' · ')}
        {patient.lastVisitAt === null ? ' · no visit yet' : ` · last visit ${formatDate(patient.lastVisitAt.slice(0, 10))}`}
      </Text>
    </div>
  );
}

/** The header's patient search: / or Ctrl+K focuses it from anywhere; arrows and Enter open a record. */
export function PatientSearchBox() {
  const navigate = useAppStore((state) => state.navigate);
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const { results, searching, failure } = usePatientSearch(query, 10);

  const focus = (): void => {
    input.current?.focus();
    input.current?.select();
  };
  useHotkeys([['/', focus]]);
  useHotkeys([['mod+K', focus], ['F2', focus]], []);

  useEffect(() => {
    if (results.length > 0) combobox.selectFirstOption();
  }, [results, combobox]);

  const open = (patientId: string): void => {
    navigate(patientRoute(patientId));
    setQuery('');
    combobox.closeDropdown();
    input.current?.blur();
  };

  return (
    // Rendered inside the header rather than at the end of the page, so the results belong to its
    // landmark for a screen reader.
    <Combobox store={combobox} onOptionSubmit={open} width={520} position="bottom-start" withinPortal={false}>
      <Combobox.Target>
        <TextInput
          ref={input}
          aria-label="Find a patient"
          placeholder="Name, phone or record number"
          w="100%"
          size="sm"
          value={query}
          rightSection={searching ? <Loader size="xs" /> : <Kbd size="xs">/</Kbd>}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setQuery('');
              input.current?.blur();
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={query.trim() === ''}>
        <Combobox.Options aria-label="Patients found">
          {failure !== null && <Combobox.Empty>{failure}</Combobox.Empty>}
          {failure === null && results.length === 0 && !searching && <Combobox.Empty>No patient matches “{query.trim()}”.</Combobox.Empty>}
          {results.map((patient) => (
            // Its spoken name is what it shows (the name, then the facts with the record number).
            <Combobox.Option value={patient.id} key={patient.id}>
              <PatientResultLine patient={patient} />
            </Combobox.Option>
          ))}
        </Combobox.Options>
        <Group justify="flex-end" px="xs" pb={4}>
          <Text size="xs" c="dimmed">
            ↑ ↓ to choose, Enter to open
          </Text>
        </Group>
      </Combobox.Dropdown>
    </Combobox>
  );
}

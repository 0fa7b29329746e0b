import { Loader, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { isAbnormal, rangeText, resultsTable } from '#shared/modules/orders/index.ts';
import { useCall } from '../../api/use-call.ts';
import { formatDate, localDateIn } from '../../format/time.ts';
import { useClinicZone, useHasRole } from '../../state/clinic-hooks.ts';
import { flagWords } from './flag-words.ts';

/** The chart's results over time: a row per test item, a column per day, abnormal values flagged. */
export function ResultsSection({ patientId }: { patientId: string }) {
  // Results are for doctors, like the notes; the chart's summary for others leaves them out.
  const isDoctor = useHasRole('DOCTOR');
  return isDoctor ? <ResultsOverTime patientId={patientId} /> : null;
}

function ResultsOverTime({ patientId }: { patientId: string }) {
  const timeZone = useClinicZone();
  const results = useCall('orders.resultsOfPatient', { patientId });
  return (
    <Stack gap="xs" component="section" aria-label="Results over time">
      <Title order={3} size="h5">
        Lab and imaging results
      </Title>
      {results.status === 'loading' && <Loader size="sm" aria-label="Loading the results" />}
      {results.status === 'failed' && <Text size="sm">The results could not be read: {results.error.message}</Text>}
      {results.status === 'done' && <ResultsTableView results={results.result.results} timeZone={timeZone} />}
    </Stack>
  );
}

function ResultsTableView({ results, timeZone }: { results: Parameters<typeof resultsTable>[0]; timeZone: string }) {
  if (results.length === 0) return <Text size="sm">No results yet.</Text>;
  const table = resultsTable(results, (iso) => localDateIn(iso, timeZone));
  // The newest day first, beside the names, where the eye looks.
  const dates = [...table.dates].reverse();
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Table aria-label="Results by date" withTableBorder withColumnBorders verticalSpacing={2} fz="sm" miw="max-content">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Test</Table.Th>
            <Table.Th scope="col">Normal range</Table.Th>
            {dates.map((date) => (
              <Table.Th scope="col" key={date} style={{ whiteSpace: 'nowrap' }}>
                {formatDate(date)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row) => {
            const latest = [...row.cells.values()].at(-1);
            return (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" fw={500}>
                  {row.componentName === row.testName ? row.testName : `${row.testName}: ${row.componentName}`}
                </Table.Th>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {latest === undefined ? '' : rangeText(latest.rangeLow, latest.rangeHigh)}
                  {row.unit === '' ? '' : ` ${row.unit}`}
                </Table.Td>
                {dates.map((date) => {
                  const cell = row.cells.get(date);
                  const abnormal = cell !== undefined && isAbnormal(cell.flag);
                  return (
                    <Table.Td key={date} c={abnormal ? 'red.8' : undefined} fw={abnormal ? 700 : undefined} bg={abnormal ? 'red.0' : undefined} style={{ maxWidth: '18rem' }}>
                      {cell === undefined ? '' : `${cell.value}${abnormal ? ` ${flagWords(cell.flag)}` : ''}`}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

import { Table } from '@mantine/core';
import type { CodeSet } from '#shared/modules/diagnosis-codes/calls.ts';
import { formatDateTime } from '../../format/time.ts';

/** Which code set this workstation searches: edition, count, where it came from and when. */
export function CodeSetSummary({ codeSet, timeZone }: { codeSet: CodeSet; timeZone: string }) {
  return (
    <Table variant="vertical" withTableBorder maw={640} aria-label="Code set loaded on this workstation">
      <Table.Tbody>
        <Table.Tr>
          <Table.Th w={180}>Edition</Table.Th>
          <Table.Td>
            {codeSet.edition} {codeSet.version}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Codes</Table.Th>
          <Table.Td>{codeSet.codeCount.toLocaleString()}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Source</Table.Th>
          <Table.Td>{codeSet.source === 'STARTER' ? 'Common outpatient codes shipped with the app' : `Imported from ${codeSet.fileName}`}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Loaded</Table.Th>
          <Table.Td>{formatDateTime(codeSet.loadedAt, timeZone)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

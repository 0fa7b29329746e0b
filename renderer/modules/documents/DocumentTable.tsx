import { Button, Table, Text } from '@mantine/core';
import { documentTypeLabels, fileSize, type DocumentView } from '#shared/modules/documents/index.ts';
import { formatDate } from '../../format/time.ts';

/** Documents as rows: type, date, title, size, and a way to view each the reader may open. */
export function DocumentTable({ label, documents, onView }: { label: string; documents: readonly DocumentView[]; onView: (document: DocumentView) => void }) {
  if (documents.length === 0) return <Text size="sm">No documents yet.</Text>;
  return (
    <Table aria-label={label} withTableBorder verticalSpacing={2} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Type</Table.Th>
          <Table.Th>Date</Table.Th>
          <Table.Th>Title</Table.Th>
          <Table.Th>Size</Table.Th>
          <Table.Th>
            <span className="visually-hidden">Actions</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {documents.map((document) => (
          <Table.Tr key={document.id}>
            <Table.Td>{documentTypeLabels[document.type]}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(document.documentDate)}</Table.Td>
            <Table.Td>
              {document.title}
              {document.availableHere ? '' : ' (on the hub)'}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{fileSize(document.sizeBytes)}</Table.Td>
            <Table.Td>
              {document.mayOpen ? (
                <Button size="compact-xs" variant="light" onClick={() => onView(document)} aria-label={`View ${document.title}`}>
                  View
                </Button>
              ) : (
                <Text size="xs">For doctors</Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

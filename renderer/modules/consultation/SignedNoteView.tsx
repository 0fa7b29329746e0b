import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { SignedNote } from '#shared/modules/consultation/calls.ts';
import { soapFields, soapLabels } from '#shared/modules/consultation/encounter.ts';
import { formatDateTime } from '../../format/time.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';

/** A signed note or an amendment, read-only, with who signed it and when; an amendment shows its reason. */
export function SignedNoteView({ note }: { note: SignedNote }) {
  const timeZone = useClinicZone();
  const amendment = note.kind === 'AMENDMENT';
  return (
    <Paper withBorder p="xs" component="article" aria-label={amendment ? `Amendment by ${note.authorName}` : `Note signed by ${note.authorName}`} style={amendment ? { borderLeft: '4px solid var(--mantine-color-orange-8)' } : undefined}>
      <Group gap="xs" mb={4}>
        <Badge variant={amendment ? 'filled' : 'light'} color={amendment ? 'orange' : 'teal'} style={{ textTransform: 'none' }}>
          {amendment ? 'Amendment' : 'Signed note'}
        </Badge>
        <Text size="xs">
          {note.authorName} · {formatDateTime(note.signedAt, timeZone)}
        </Text>
      </Group>
      {amendment && (
        <Text size="sm" mb={4}>
          <strong>Reason:</strong> {note.reason}
        </Text>
      )}
      <Stack gap={2}>
        {soapFields
          .filter((field) => note[field] !== '')
          .map((field) => (
            <Text key={field} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <strong>{soapLabels[field]}:</strong> {note[field]}
            </Text>
          ))}
        {note.diagnoses.length > 0 && (
          <Text size="sm">
            <strong>Diagnoses:</strong>{' '}
            {note.diagnoses.map((diagnosis) => `${diagnosis.code} ${diagnosis.title} (${diagnosis.rank === 'PRIMARY' ? 'primary' : 'secondary'}, ${diagnosis.certainty.toLowerCase()}${diagnosis.chronic ? ', chronic' : ''})`).join('; ')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

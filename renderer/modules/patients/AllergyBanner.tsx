import { Badge, Box, Group, Text } from '@mantine/core';
import type { PatientRecord } from '#shared/modules/patients/calls.ts';
import { allergySeverityLabels } from '#shared/modules/patients/patient.ts';
import { formatDate, localDateIn } from '../../format/time.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';

/**
 * What is known of a patient's allergies, at the top of the record. Three answers that must never
 * look alike: nobody asked (a prompt to ask), "no known allergies" (a statement, with who made it
 * and when), or the allergies themselves, in red and never cut short.
 */
export function AllergyBanner({ record }: { record: Pick<PatientRecord, 'allergyStatus' | 'allergyStatement' | 'allergies'> }) {
  const zone = useClinicZone();
  if (record.allergyStatus === 'LISTED' && record.allergies.length > 0) {
    return (
      <Group component="section" aria-label="Allergies" gap="xs">
        {record.allergies.map((allergy) => (
          <Box key={allergy.id} data-allergy={allergy.severity} bg="red.9" c="white" px="sm" py={4} style={{ borderRadius: 'var(--mantine-radius-sm)', fontWeight: allergy.severity === 'SEVERE' ? 700 : 500 }}>
            <Text span size="sm" inherit>
              Allergy: {allergy.substance} ({allergySeverityLabels[allergy.severity]}){allergy.reaction === '' ? '' : ` – ${allergy.reaction}`}
            </Text>
          </Box>
        ))}
      </Group>
    );
  }
  if (record.allergyStatus === 'NONE_KNOWN' && record.allergyStatement !== null) {
    const { statedByName, statedAt } = record.allergyStatement;
    return (
      <Group component="section" aria-label="Allergies" gap="xs">
        <Text size="sm">
          No known allergies (stated by {statedByName ?? 'a colleague at another clinic'} on {formatDate(localDateIn(statedAt, zone))})
        </Text>
      </Group>
    );
  }
  return (
    <Group component="section" aria-label="Allergies" gap="xs">
      <Badge color="orange.9" variant="outline" size="lg" style={{ textTransform: 'none', overflow: 'visible' }}>
        Allergies not recorded
      </Badge>
    </Group>
  );
}

import { LineChart } from '@mantine/charts';
import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { VitalReading } from '#shared/modules/consultation/calls.ts';
import { vitalDefinitions, vitalKinds, type VitalKind } from '#shared/modules/consultation/vitals.ts';
import { formatDate, localDateIn } from '../../format/time.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';

/** Each vital over time, one small chart per vital that has readings; the latest value in words beside it. */
export function VitalsCharts({ readings }: { readings: readonly VitalReading[] }) {
  const timeZone = useClinicZone();
  const byKind = new Map<VitalKind, VitalReading[]>();
  for (const reading of readings) byKind.set(reading.kind, [...(byKind.get(reading.kind) ?? []), reading]);
  const kinds = vitalKinds.filter((kind) => byKind.has(kind));
  if (kinds.length === 0) return <Text size="sm">No vitals recorded yet.</Text>;
  return (
    <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="xs">
      {kinds.map((kind) => {
        const series = byKind.get(kind) ?? [];
        const latest = series[series.length - 1];
        const { label, unit, normal } = vitalDefinitions[kind];
        const data = series.map((reading) => ({ when: formatDate(localDateIn(reading.measuredAt, timeZone)), value: reading.value }));
        return (
          <Paper key={kind} withBorder p="xs" component="figure" m={0} aria-label={`${label} over time`}>
            <Text size="sm" fw={600} component="figcaption">
              {label}: {latest === undefined ? '' : `${String(latest.value)} ${unit}`}
              {latest?.flag === 'HIGH' ? ' (high)' : latest?.flag === 'LOW' ? ' (low)' : ''}
            </Text>
            {normal !== null && (
              <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                normal {String(normal[0])}–{String(normal[1])} {unit}
              </Text>
            )}
            <LineChart h={90} data={data} dataKey="when" series={[{ name: 'value', label, color: 'teal.8' }]} withDots withTooltip={false} gridAxis="none" withXAxis={false} yAxisProps={{ width: 36, domain: ['auto', 'auto'] }} curveType="linear" />
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

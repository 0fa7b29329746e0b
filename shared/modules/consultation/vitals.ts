import { z } from 'zod';

// Vital signs as the chart records them: each with its unit, its LOINC code, the range a real
// measurement can fall in (outside it, the value is a typo and is refused), and the adult normal
// range the abnormal flag is read against.

export const vitalKinds = ['HEIGHT', 'WEIGHT', 'BMI', 'TEMPERATURE', 'PULSE', 'SYSTOLIC', 'DIASTOLIC', 'RESPIRATORY_RATE', 'SPO2', 'GLUCOSE', 'PAIN'] as const;
export type VitalKind = (typeof vitalKinds)[number];

export type VitalDefinition = {
  readonly label: string;
  readonly unit: string;
  readonly loinc: string;
  /** What a body can measure; a value outside is refused. */
  readonly plausible: readonly [number, number];
  /** Adult normal range; outside it the value is flagged. Null: no flag (height). */
  readonly normal: readonly [number, number] | null;
  /** Decimal places kept. */
  readonly decimals: number;
};

export const vitalDefinitions: Readonly<Record<VitalKind, VitalDefinition>> = {
  HEIGHT: { label: 'Height', unit: 'cm', loinc: '8302-2', plausible: [30, 250], normal: null, decimals: 1 },
  WEIGHT: { label: 'Weight', unit: 'kg', loinc: '29463-7', plausible: [0.5, 350], normal: null, decimals: 1 },
  BMI: { label: 'BMI', unit: 'kg/m²', loinc: '39156-5', plausible: [8, 100], normal: [18.5, 24.9], decimals: 1 },
  TEMPERATURE: { label: 'Temperature', unit: '°C', loinc: '8310-5', plausible: [30, 45], normal: [36.1, 37.5], decimals: 1 },
  PULSE: { label: 'Pulse', unit: '/min', loinc: '8867-4', plausible: [20, 250], normal: [60, 100], decimals: 0 },
  SYSTOLIC: { label: 'Blood pressure systolic', unit: 'mmHg', loinc: '8480-6', plausible: [50, 280], normal: [90, 139], decimals: 0 },
  DIASTOLIC: { label: 'Blood pressure diastolic', unit: 'mmHg', loinc: '8462-4', plausible: [20, 180], normal: [60, 89], decimals: 0 },
  RESPIRATORY_RATE: { label: 'Respiratory rate', unit: '/min', loinc: '9279-1', plausible: [4, 80], normal: [12, 20], decimals: 0 },
  SPO2: { label: 'SpO2', unit: '%', loinc: '59408-5', plausible: [50, 100], normal: [95, 100], decimals: 0 },
  GLUCOSE: { label: 'Blood glucose', unit: 'mmol/L', loinc: '2339-0', plausible: [1, 50], normal: [3.9, 7.8], decimals: 1 },
  PAIN: { label: 'Pain score', unit: '/10', loinc: '72514-3', plausible: [0, 10], normal: [0, 3], decimals: 0 },
};

/** The vitals a person types; BMI is computed from height and weight. */
export const enteredVitalKinds = vitalKinds.filter((kind) => kind !== 'BMI');

export type VitalFlag = 'LOW' | 'HIGH' | null;

export function flagOf(kind: VitalKind, value: number): VitalFlag {
  const normal = vitalDefinitions[kind].normal;
  if (normal === null) return null;
  if (value < normal[0]) return 'LOW';
  if (value > normal[1]) return 'HIGH';
  return null;
}

/** Why a value cannot be a real measurement, in words for the person typing it; null when it can. */
export function implausibleReason(kind: VitalKind, value: number): string | null {
  const { label, unit, plausible, decimals } = vitalDefinitions[kind];
  if (!Number.isFinite(value)) return `${label} must be a number`;
  if (decimals === 0 && !Number.isInteger(value)) return `${label} is a whole number`;
  if (value < plausible[0] || value > plausible[1]) return `${label} ${String(value)} ${unit} cannot be right: it must be between ${String(plausible[0])} and ${String(plausible[1])} ${unit}. Check for a typo.`;
  return null;
}

/** BMI from height (cm) and weight (kg), to one decimal. */
export function bmiOf(heightCm: number, weightKg: number): number {
  const metres = heightCm / 100;
  return Math.round((weightKg / (metres * metres)) * 10) / 10;
}

const vitalValue = (kind: VitalKind) =>
  z
    .number({ error: `${vitalDefinitions[kind].label} must be a number` })
    .superRefine((value, ctx) => {
      const reason = implausibleReason(kind, value);
      if (reason !== null) ctx.addIssue({ code: 'custom', message: reason });
    })
    .optional();

/** A set of vitals taken together; each one optional, at least one given, diastolic below systolic. */
export const vitalsInputSchema = z
  .object({
    HEIGHT: vitalValue('HEIGHT'),
    WEIGHT: vitalValue('WEIGHT'),
    TEMPERATURE: vitalValue('TEMPERATURE'),
    PULSE: vitalValue('PULSE'),
    SYSTOLIC: vitalValue('SYSTOLIC'),
    DIASTOLIC: vitalValue('DIASTOLIC'),
    RESPIRATORY_RATE: vitalValue('RESPIRATORY_RATE'),
    SPO2: vitalValue('SPO2'),
    GLUCOSE: vitalValue('GLUCOSE'),
    PAIN: vitalValue('PAIN'),
  })
  .strict()
  .refine((values) => Object.keys(values).length > 0, { error: 'Enter at least one vital sign' })
  .refine((values) => (values.SYSTOLIC === undefined) === (values.DIASTOLIC === undefined), { error: 'Enter both numbers of the blood pressure', path: ['DIASTOLIC'] })
  .refine((values) => values.SYSTOLIC === undefined || values.DIASTOLIC === undefined || values.DIASTOLIC < values.SYSTOLIC, {
    error: 'The diastolic pressure must be below the systolic',
    path: ['DIASTOLIC'],
  });
export type VitalsInput = z.infer<typeof vitalsInputSchema>;

/** The readings a set of vitals gives, BMI added when both height and weight are there. */
export function readingsOf(values: VitalsInput): { kind: VitalKind; value: number }[] {
  const readings = enteredVitalKinds.flatMap((kind): { kind: VitalKind; value: number }[] => {
    const value = values[kind];
    return value === undefined ? [] : [{ kind, value }];
  });
  if (values.HEIGHT !== undefined && values.WEIGHT !== undefined) readings.push({ kind: 'BMI', value: bmiOf(values.HEIGHT, values.WEIGHT) });
  return readings;
}

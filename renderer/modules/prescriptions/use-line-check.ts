import { useEffect, useState } from 'react';
import type { PrescriptionAlert } from '#shared/modules/medicines/index.ts';
import { prescriptionLineInputSchema } from '#shared/modules/prescriptions/line.ts';
import { useCall } from '../../api/use-call.ts';
import { lineInputOf, type LineFormValues } from './line-form-values.ts';

const SETTLE_MS = 400;

/**
 * The core's checks over the line as it is being written, once the typing settles and the line
 * is whole: the doctor sees an allergy or an interaction before saving, not after.
 */
export function useLineCheck(encounterId: string, lineId: string | null, values: LineFormValues): readonly PrescriptionAlert[] {
  const parsed = prescriptionLineInputSchema.safeParse(lineInputOf(values));
  const wanted = parsed.success ? JSON.stringify({ encounterId, lineId, lines: [lineInputOf(values)] }) : null;
  const [settled, setSettled] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(wanted), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [wanted]);
  const checked = useCall('prescriptions.check', settled === null || settled !== wanted ? null : { encounterId, lineId, lines: [lineInputOf(values)] });
  return checked.status === 'done' && settled === wanted ? checked.result.alerts : [];
}

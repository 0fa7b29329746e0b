import { Loader, Text } from '@mantine/core';
import { useCall } from '../../api/use-call.ts';
import { useHasRole } from '../../state/clinic-hooks.ts';
import { TreatmentPlans } from './TreatmentPlans.tsx';

/** The chart's treatment plans: doctors write them, the front desk books their steps. */
export function TreatmentPlansSection({ patientId }: { patientId: string }) {
  const doctor = useHasRole('DOCTOR');
  const canBook = useHasRole('DOCTOR', 'STAFF');
  const plans = useCall('procedures.plansOfPatient', { patientId });
  if (plans.status === 'failed') return <Text size="sm">{plans.error.message}</Text>;
  if (plans.status !== 'done') return <Loader size="sm" aria-label="Loading the treatment plans" />;
  return <TreatmentPlans patientId={patientId} plans={plans.result.plans} reload={plans.reload} headingOrder={3} permissions={{ canWrite: doctor, canBook }} />;
}

import type { PatientId } from '#shared/domain/ids.ts';
import { pick, samplePersonName } from '../../demo/sample-names.ts';
import type { DemoStep } from '../../demo/demo-session.ts';

const DEMO_PATIENTS = 40;

/** Forty patients of all ages, a few with an allergy or a long-term condition, some stated to have none. */
export const patientsDemo: DemoStep = async ({ call, random, made }) => {
  const patientIds: PatientId[] = [];
  for (let index = 0; index < DEMO_PATIENTS; index += 1) {
    const { givenName, familyName } = samplePersonName(random);
    const year = 1940 + Math.floor(random() * 80);
    const record = await call('patients.register', {
      givenName,
      familyName,
      sex: random() < 0.5 ? 'FEMALE' : 'MALE',
      birth: { kind: 'date', date: `${String(year)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}` },
      phone: `07700 9${String(Math.floor(random() * 100000)).padStart(5, '0')}`,
      email: '',
      address: `${String(1 + Math.floor(random() * 200))} ${pick(random, ['High Street', 'Park Road', 'Station Road', 'Church Lane'])}, Bristol`,
      postalCode: `BS${String(1 + Math.floor(random() * 16))} ${String(1 + Math.floor(random() * 9))}AB`,
      nationalId: '',
      emergencyContactName: '',
      emergencyContactPhone: '',
      notes: '',
      // Some were asked and have none, some were never asked: the record shows the difference.
      allergyStatus: index % 7 === 0 ? 'LISTED' : index % 3 === 0 ? 'NONE_KNOWN' : 'NOT_RECORDED',
      allergies: index % 7 === 0 ? [{ substance: pick(random, ['Penicillin', 'Aspirin', 'Latex', 'Peanuts']), reaction: 'Rash', severity: 'MODERATE' }] : [],
      conditions: index % 5 === 0 ? [{ name: pick(random, ['Type 2 diabetes', 'Hypertension', 'Asthma']), notes: '' }] : [],
      notADuplicate: true,
    });
    patientIds.push(record.id);
  }
  made.set('patients', patientIds);
};

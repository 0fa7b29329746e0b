import type { APIRequestContext } from 'playwright-core';

// A prescription written and signed by the demo doctor through the web host's API, as the
// consultation screen would: the pharmacy's tests start where the doctor's work ends.

/** The demo pharmacy's packs (electron/modules/stock/demo.ts), their GTINs with the check digit. */
export const demoPacks = { amoxicillin: '9506000134352', paracetamol: '4006381333931', salbutamol: '5012345678900' } as const;

type Answer = { result?: unknown; error?: { code?: string; message?: string } };

async function call<T>(request: APIRequestContext, hostUrl: string, name: string, input: unknown, token: string | null): Promise<T> {
  const response = await request.post(`${hostUrl}/api/call/${name}`, { data: input, headers: token === null ? {} : { authorization: `Bearer ${token}` } });
  const answer = (await response.json()) as Answer;
  if (answer.error !== undefined) throw new Error(`${name}: ${answer.error.code ?? ''} ${answer.error.message ?? ''}`);
  return answer.result as T;
}

/** Signs in with a demo account and works in Riverside (RFC01). */
async function signedIn(request: APIRequestContext, hostUrl: string, username: string, password: string): Promise<string> {
  const session = await call<{ token: string; activeClinic: unknown; memberships: { clinicId: string; clinicCode: string }[] }>(request, hostUrl, 'auth.signIn', { username, password }, null);
  const riverside = session.memberships.find((membership) => membership.clinicCode === 'RFC01');
  if (riverside !== undefined) await call(request, hostUrl, 'auth.selectClinic', { clinicId: riverside.clinicId }, session.token);
  return session.token;
}

export type DemoPrescription = { readonly reference: string; readonly patientName: string };

/** A new patient registered at the desk, and the demo doctor's signed prescription for them of the packs named. */
export async function signDemoPrescription(request: APIRequestContext, hostUrl: string, patient: { givenName: string; familyName: string; birthDate: string }, lines: readonly { gtin: string; quantity: number }[]): Promise<DemoPrescription> {
  const admin = await signedIn(request, hostUrl, 'admin', 'demo-admin');
  const registered = await call<{ id: string }>(
    request,
    hostUrl,
    'patients.register',
    { givenName: patient.givenName, familyName: patient.familyName, sex: 'FEMALE', birth: { kind: 'date', date: patient.birthDate }, phone: '', email: '', address: '', postalCode: '', nationalId: '', emergencyContactName: '', emergencyContactPhone: '', notes: '', allergies: [], conditions: [], notADuplicate: true },
    admin,
  );
  const doctor = await signedIn(request, hostUrl, 'doctor', 'demo-doctor');
  const encounter = await call<{ id: string }>(request, hostUrl, 'consultation.startUnscheduled', { patientId: registered.id }, doctor);
  let reference = '';
  for (const line of lines) {
    const found = await call<{ product: { id: string } | null }>(request, hostUrl, 'medicines.findByBarcode', { code: line.gtin }, admin);
    if (found.product === null) throw new Error(`no demo product with code ${line.gtin}`);
    const saved = await call<{ prescription: { reference: string } | null }>(request, hostUrl, 'prescriptions.saveLine', { encounterId: encounter.id, line: { productId: found.product.id, dose: { amount: 1, unit: 'tablets' }, frequency: 'TDS', durationDays: 5, quantity: line.quantity } }, doctor);
    reference = saved.prescription?.reference ?? '';
  }
  const note = { subjective: 'Sore throat', objective: 'Red pharynx', assessment: 'Tonsillitis', plan: 'Antibiotic' };
  const draft = await call<{ id: string; version: number }>(request, hostUrl, 'consultation.saveDraft', { encounterId: encounter.id, ...note, diagnoses: [{ code: 'J03.9', title: 'Acute tonsillitis, unspecified', rank: 'PRIMARY', certainty: 'CONFIRMED', chronic: false }], basedOn: null }, doctor);
  await call(request, hostUrl, 'consultation.sign', { encounterId: encounter.id, draftId: draft.id, version: draft.version }, doctor);
  return { reference, patientName: `${patient.givenName} ${patient.familyName}` };
}

import type { APIRequestContext, Page } from 'playwright-core';

type Outcome<T> = { ok: boolean; result?: T; error?: { message?: string } };

async function call<T>(request: APIRequestContext, url: string, name: string, input: unknown, token: string | null): Promise<T> {
  const response = await request.post(`${url}/api/call/${name}`, { data: input, headers: token === null ? {} : { authorization: `Bearer ${token}` } });
  const outcome = (await response.json()) as Outcome<T>;
  if (!outcome.ok || outcome.result === undefined) throw new Error(`${name}: ${outcome.error?.message ?? 'refused'}`);
  return outcome.result;
}

type PatientRecord = {
  givenName: string;
  familyName: string;
  sex: string;
  birthDate: string | null;
  phone: string;
  email: string;
  address: string;
  postalCode: string;
  nationalId: string;
  emergencyContactName: string;
  emergencyContactPhone: string;
  notes: string;
  allergies: { id: string; substance: string; reaction: string; severity: string }[];
  conditions: { id: string; name: string; notes: string }[];
};

/**
 * The front desk records an allergy on a patient's record, through the same API the screens use,
 * as the demo administrator at Riverside: a test's patient is then allergic whatever the demo drew.
 */
export async function recordAllergyAtFrontDesk(request: APIRequestContext, url: string, patientId: string, allergy: { substance: string; reaction: string; severity: 'MILD' | 'MODERATE' | 'SEVERE' }): Promise<void> {
  const session = await call<{ token: string; memberships: { clinicId: string; clinicCode: string }[] }>(request, url, 'auth.signIn', { username: 'admin', password: 'demo-admin' }, null);
  const clinicId = session.memberships.find((membership) => membership.clinicCode === 'RFC01')?.clinicId;
  await call(request, url, 'auth.selectClinic', { clinicId }, session.token);
  const record = await call<PatientRecord>(request, url, 'patients.get', { patientId }, session.token);
  if (record.birthDate === null) throw new Error('the demo patient has no date of birth');
  const { givenName, familyName, sex, phone, email, address, postalCode, nationalId, emergencyContactName, emergencyContactPhone, notes, conditions } = record;
  await call(
    request,
    url,
    'patients.update',
    { patientId, givenName, familyName, sex, birth: { kind: 'date', date: record.birthDate }, phone, email, address, postalCode, nationalId, emergencyContactName, emergencyContactPhone, notes, allergyStatus: 'LISTED', allergies: [...record.allergies, allergy], conditions },
    session.token,
  );
  await call(request, url, 'auth.signOut', {}, session.token);
}

/** Any call as the person signed in on the page, with the token the page keeps: what the screen itself would get. */
export async function callAsPage<T>(page: Page, url: string, name: string, input: unknown): Promise<T> {
  const token = await page.evaluate<string | null>('sessionStorage.getItem("clinic-desk.session")');
  return call<T>(page.request, url, name, input, token);
}

import { recordAudit } from '../audit/record.ts';
import { hashPassword } from '../auth/passwords.ts';
import { countClinics, createClinicWithAdmin, insertClinic } from '../modules/clinics/index.ts';
import type { Core } from '../core.ts';
import { newClinicId, newUserId } from '../platform/ids.ts';
import { grantRole, insertUser } from '../modules/users/index.ts';
import { demoClinics, demoOrganizationName, demoSeparatePractice, demoUsers } from './demo-data.ts';
import { seedModuleDemos } from './module-demos.ts';

export type DemoOutcome = 'created' | 'skipped-not-empty';

/**
 * A demo chain of two clinics with one user per role, so a newcomer can try every screen.
 * Only an empty database is seeded: demo accounts never appear beside a clinic's real data.
 */
export async function seedDemo(core: Core): Promise<DemoOutcome> {
  const { db } = core.database;
  if (countClinics(db) > 0) return 'skipped-not-empty';
  const accounts = [...demoUsers, demoSeparatePractice.admin];
  const hashes = new Map(await Promise.all(accounts.map(async (user) => [user.username, await hashPassword(user.password)] as const)));
  const nowMs = core.clock.now();
  db.transaction((tx) => {
    core.stamper.begin(tx);
    const [first, second] = demoClinics;
    const [admin, ...others] = demoUsers;
    if (admin === undefined) throw new Error('demo data has no administrator');
    const adminAccount = { fullName: admin.fullName, username: admin.username, email: '', phone: '', passwordHash: hashes.get(admin.username) ?? '' };
    const { organizationId, clinicId, adminId } = createClinicWithAdmin(tx, first, adminAccount, nowMs, demoOrganizationName);
    const secondClinicId = newClinicId();
    const { code, ...details } = second;
    insertClinic(tx, secondClinicId, organizationId, code, details, nowMs);
    grantRole(tx, adminId, secondClinicId, 'ADMIN', nowMs);
    for (const user of others) {
      const id = newUserId();
      insertUser(tx, { id, organizationId, fullName: user.fullName, username: user.username, email: '', phone: '', passwordHash: hashes.get(user.username) ?? '' }, nowMs);
      grantRole(tx, id, clinicId, user.role, nowMs);
      if (user.bothClinics) grantRole(tx, id, secondClinicId, user.role, nowMs);
    }
    const separate = demoSeparatePractice;
    createClinicWithAdmin(tx, separate.clinic, { fullName: separate.admin.fullName, username: separate.admin.username, email: '', phone: '', passwordHash: hashes.get(separate.admin.username) ?? '' }, nowMs, separate.organizationName);
    recordAudit(tx, { atMs: nowMs, deviceId: core.identity.deviceId, userId: null, clinicId, action: 'demo.seed', outcome: 'SUCCESS' });
  });
  const admin = demoUsers.find((user) => user.role === 'ADMIN');
  if (admin !== undefined) await seedModuleDemos(core, { username: admin.username, password: admin.password });
  return 'created';
}

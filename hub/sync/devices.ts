import { createHash, randomBytes } from 'node:crypto';
import type { EnrolRequest } from '#shared/sync/protocol.ts';
import type { HubDb, HubQueries } from '../db/hub-db.ts';
import { hubErrors } from './hub-errors.ts';

export const ENROLMENT_CODE_LIFETIME_MS = 24 * 60 * 60 * 1000;
// No 0/O, 1/I/L: a code read aloud over the phone or copied by hand must not be misread.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export type Device = {
  readonly id: string;
  readonly name: string;
  readonly clinicIds: readonly string[];
  readonly lastSeq: number;
  readonly reenrolRequired: boolean;
};

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

function newCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length] ?? 'A');
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

function normalizeCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, '');
}

/**
 * What a one-time code is for: the first workstation of a new clinic (clinicId null), in a new
 * organization or in the organization of a clinic the hub has (organizationOf, that clinic's
 * code); or a workstation joining a clinic (clinicId).
 */
export type EnrolmentTarget = { readonly clinicCode: string; readonly clinicId: string | null; readonly organizationOf?: string | undefined };

export async function createEnrolmentCode(db: HubQueries, target: EnrolmentTarget, nowMs: number): Promise<{ code: string; expiresAt: string }> {
  let organizationId: string | null = null;
  if (target.organizationOf !== undefined) {
    const [found] = await db.query<{ organization_id: string }>(`select organization_id from hub_clinics where clinic_code = $1`, [target.organizationOf]);
    if (found === undefined) throw hubErrors.badRequest(`This hub has no clinic ${target.organizationOf} whose organization the new clinic could join.`);
    organizationId = found.organization_id;
  }
  const code = newCode();
  const expiresAt = new Date(nowMs + ENROLMENT_CODE_LIFETIME_MS).toISOString();
  await db.query(`insert into hub_enrolment_codes (code_hash, clinic_id, clinic_code, organization_id, expires_at) values ($1, $2, $3, $4, $5)`, [hashSecret(code), target.clinicId, target.clinicCode, organizationId, expiresAt]);
  return { code, expiresAt };
}

/**
 * Records a new clinic's organization: the one its code names, or, for a code that names none,
 * the new organization the workstation's clinic names, which must not be one the hub has already.
 */
async function placeNewClinic(db: HubQueries, clinic: { id: string; code: string; organizationId: string }, codeOrganization: string | null): Promise<void> {
  if (codeOrganization !== null && clinic.organizationId !== codeOrganization) {
    throw hubErrors.forbidden(`This code adds clinic ${clinic.code} to an organization this workstation's clinic does not belong to. Ask the hub's operator for a code for a new organization.`);
  }
  if (codeOrganization === null) {
    const [known] = await db.query(`select 1 from hub_clinics where organization_id = $1`, [clinic.organizationId]);
    if (known !== undefined) throw hubErrors.conflict(`The organization of clinic ${clinic.code} is already at this hub; ask the hub's operator for a code that adds the clinic to it.`);
  }
  await db.query(`insert into hub_clinics (clinic_id, clinic_code, organization_id) values ($1, $2, $3)`, [clinic.id, clinic.code, clinic.organizationId]);
}

export type Enrolment = { deviceId: string; credential: string; clinicId: string; clinicCode: string; workstationNumber: number };

/**
 * Trades a one-time code for a device credential. The device gets a new id each time: a copied
 * or restored workstation enrols as a new device, so no sequence number is used twice.
 */
export async function enrolDevice(db: HubDb, request: EnrolRequest, nowMs: number): Promise<Enrolment> {
  return db.transaction(async (tx) => {
    const [code] = await tx.query<{ clinic_id: string | null; clinic_code: string; organization_id: string | null; expires_at: Date; used_at: Date | null }>(
      `select clinic_id, clinic_code, organization_id, expires_at, used_at from hub_enrolment_codes where code_hash = $1 for update`,
      [hashSecret(normalizeCode(request.code))],
    );
    if (code === undefined || code.used_at !== null || code.expires_at.getTime() < nowMs) {
      throw hubErrors.forbidden('This enrolment code is unknown, already used or expired. Ask an administrator for a new one.');
    }
    let clinicId = code.clinic_id;
    if (clinicId === null) {
      if (request.clinic === null || request.clinic.code !== code.clinic_code) {
        throw hubErrors.forbidden(`This code creates clinic ${code.clinic_code} at the hub; use it on that clinic's first workstation.`);
      }
      const [taken] = await tx.query(`select 1 from hub_device_clinics where clinic_id = $1 union all select 1 from clinics where code = $2 and id <> $1`, [request.clinic.id, request.clinic.code]);
      if (taken !== undefined) throw hubErrors.conflict(`Clinic ${request.clinic.code} already exists at this hub; join it with a code from one of its workstations.`);
      await placeNewClinic(tx, request.clinic, code.organization_id);
      clinicId = request.clinic.id;
    } else if (request.clinic !== null && request.clinic.id !== clinicId) {
      throw hubErrors.conflict('This workstation already holds another clinic; join with a workstation that has no clinic yet.');
    }
    const [existing] = await tx.query(`select 1 from hub_devices where id = $1`, [request.deviceId]);
    if (existing !== undefined) throw hubErrors.conflict('This device id is already enrolled: the workstation takes a new one and enrols again.');
    const deviceId = request.deviceId;
    const credential = randomBytes(32).toString('base64url');
    const [next] = await tx.query<{ number: number }>(`select coalesce(max(workstation_number), 0) + 1 as number from hub_device_clinics where clinic_id = $1`, [clinicId]);
    const workstationNumber = next?.number ?? 1;
    await tx.query(`insert into hub_devices (id, name, database_id, credential_hash) values ($1, $2, $3, $4)`, [deviceId, request.deviceName, request.databaseId, hashSecret(credential)]);
    await tx.query(`insert into hub_device_clinics (device_id, clinic_id, workstation_number) values ($1, $2, $3)`, [deviceId, clinicId, workstationNumber]);
    await tx.query(`update hub_enrolment_codes set used_at = now(), used_by = $2 where code_hash = $1`, [hashSecret(normalizeCode(request.code)), deviceId]);
    return { deviceId, credential, clinicId, clinicCode: code.clinic_code, workstationNumber };
  });
}

export async function authenticateDevice(db: HubQueries, credential: string | null): Promise<Device> {
  if (credential === null) throw hubErrors.unauthenticated();
  const rows = await db.query<{ id: string; name: string; last_seq: string; reenrol_required: boolean; revoked_at: Date | null; clinic_id: string | null }>(
    `select d.id, d.name, d.last_seq, d.reenrol_required, d.revoked_at, c.clinic_id
     from hub_devices d left join hub_device_clinics c on c.device_id = d.id
     where d.credential_hash = $1`,
    [hashSecret(credential)],
  );
  const [first] = rows;
  if (first === undefined || first.revoked_at !== null) throw hubErrors.unauthenticated();
  return {
    id: first.id,
    name: first.name,
    clinicIds: rows.flatMap((row) => (row.clinic_id === null ? [] : [row.clinic_id])),
    lastSeq: Number(first.last_seq),
    reenrolRequired: first.reenrol_required,
  };
}

export async function revokeDevice(db: HubQueries, deviceId: string): Promise<boolean> {
  const rows = await db.query(`update hub_devices set revoked_at = now() where id = $1 and revoked_at is null returning id`, [deviceId]);
  return rows.length > 0;
}

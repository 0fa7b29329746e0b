import type { EnrolResponse } from '#shared/sync/protocol.ts';
import { conflictError, forbiddenError } from '#shared/api/errors.ts';
import { isoAt } from '../platform/clock.ts';
import { newDeviceId } from '../platform/ids.ts';
import { nodeTagOf } from '#shared/sync/hlc.ts';
import { SYNC_MODE } from './change-stamps.ts';
import { queueInitialUpload } from './initial-upload.ts';
import { uploadOrderOf } from './upload-order.ts';
import { ownBlocks } from './number-leases.ts';
import { writeMeta } from '../db/local-meta.ts';
import { seriesLetterFor, writeSetting, type BootstrapProgress } from './settings.ts';
import type { SyncClient, SyncDeps } from './sync-client.ts';
import { HubRefusal, HubUnavailable } from './transport.ts';

function hubUnreachable(error: unknown): never {
  if (error instanceof HubUnavailable) throw conflictError(`${error.message} Check the hub address and that the hub is running.`, 'hubUrl');
  if (error instanceof HubRefusal) throw forbiddenError(error.message);
  throw error;
}

/**
 * A copied or restored workstation must not reuse its old device's sequence numbers: enrolling
 * again, it takes a new device id (its old rows keep the old one).
 */
export function takeNewDeviceId(deps: SyncDeps): void {
  const id = newDeviceId();
  const now = isoAt(deps.clock.now());
  deps.sqlite.transaction(() => {
    deps.sqlite.prepare(`insert into devices (id, name, created_at) values (?, ?, ?)`).run(id, deps.identity.deviceName, now);
    writeMeta(deps.sqlite, 'device_id', id);
  })();
  deps.identity.deviceId = id;
  deps.stamper.setNode(nodeTagOf(id));
}

async function enrol(deps: SyncDeps, hubUrl: string, code: string, clinic: { id: string; code: string; organizationId: string } | null): Promise<EnrolResponse> {
  const transport = deps.transportFor(hubUrl);
  const request = () => transport.enrol({ code, deviceId: deps.identity.deviceId, deviceName: deps.identity.deviceName, databaseId: deps.identity.databaseId, clinic });
  try {
    return await request();
  } catch (error) {
    if (error instanceof HubRefusal && error.code === 'CONFLICT' && error.message.includes('device id is already enrolled')) {
      takeNewDeviceId(deps);
      return request().catch(hubUnreachable);
    }
    return hubUnreachable(error);
  }
}

function saveLink(deps: SyncDeps, hubUrl: string, enrolment: EnrolResponse): void {
  const { db } = deps;
  writeSetting(db, 'hub_url', hubUrl);
  writeSetting(db, 'hub_credential', enrolment.credential);
  writeSetting(db, 'hub_id', enrolment.hubId);
  writeSetting(db, 'hub_epoch', String(enrolment.epoch));
  writeSetting(db, 'hub_clinic_id', enrolment.clinicId);
  writeSetting(db, 'hub_workstation', String(enrolment.workstationNumber));
  writeMeta(deps.sqlite, 'token_series', seriesLetterFor(enrolment.workstationNumber));
}

/** The first workstation of a clinic joins a hub: its own numbers are recorded, then all its data goes up. */
export async function connectFirstWorkstation(deps: SyncDeps, client: SyncClient, request: { hubUrl: string; code: string; clinicId: string; clinicCode: string }): Promise<void> {
  if (client.settings() !== null) throw conflictError('This workstation is already connected to a hub.');
  const organizationId = deps.sqlite.prepare(`select organization_id from clinics where id = ?`).pluck().get(request.clinicId);
  if (typeof organizationId !== 'string') throw conflictError('This workstation does not hold that clinic.');
  const enrolment = await enrol(deps, request.hubUrl, request.code, { id: request.clinicId, code: request.clinicCode, organizationId });
  await deps
    .transportFor(request.hubUrl)
    .reportBlocks(enrolment.credential, ownBlocks(deps.sqlite, request.clinicId))
    .catch(hubUnreachable);
  deps.sqlite.transaction(() => {
    saveLink(deps, request.hubUrl, enrolment);
    queueInitialUpload(deps.sqlite, deps.stamper, request.clinicId);
    deps.sqlite.prepare(`update sync_state set mode = ? where id = 1`).run(SYNC_MODE.connected);
  })();
  client.restartPokes();
}

/** A new workstation joins an existing clinic: enrolment now, then its first sync loads the clinic in pages. */
export async function joinClinic(deps: SyncDeps, client: SyncClient, request: { hubUrl: string; code: string }): Promise<void> {
  if (client.settings() !== null) throw conflictError('This workstation is already connected to a hub.');
  const clinics = deps.sqlite.prepare(`select count(*) from clinics`).pluck().get() as number;
  if (clinics > 0) throw conflictError('This workstation already holds a clinic; only a new workstation can join one.');
  const enrolment = await enrol(deps, request.hubUrl, request.code, null);
  const start = await deps.transportFor(request.hubUrl).startSnapshot(enrolment.credential).catch(hubUnreachable);
  const total = uploadOrderOf(deps.sqlite).reduce((sum, table) => sum + (start.totals[table] ?? 0), 0);
  const progress: BootstrapProgress = { table: uploadOrderOf(deps.sqlite)[0] ?? null, after: null, cursor: start.cursor, done: 0, total };
  deps.sqlite.transaction(() => {
    saveLink(deps, request.hubUrl, enrolment);
    writeSetting(deps.db, 'bootstrap_progress', JSON.stringify(progress));
  })();
}

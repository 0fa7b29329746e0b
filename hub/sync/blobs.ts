import { createHash } from 'node:crypto';
import { blobTables, type BlobColumns } from '#shared/sync/tables.ts';
import type { BlobDownload, BlobUploadRequest } from '#shared/sync/blobs.ts';
import type { HubQueries } from '../db/hub-db.ts';
import type { Device } from './devices.ts';
import { hubErrors } from './hub-errors.ts';

// Content-addressed files (SYNC.md §8). A file is kept per organization, and only for a row of a
// clinic of that organization that names it by hash and size: a workstation cannot park a file at
// the hub that no row of its own names, nor fetch one its organization holds no row for. Nothing
// crosses an organization, even for a device that knows another's hash.

/** Past the size any declared file may have, whatever its row says. */
export const HUB_BLOB_MAX_BYTES = 32 * 1024 * 1024;

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

async function organizationOf(db: HubQueries, device: Device): Promise<string> {
  const rows = await db.query<{ organization_id: string }>(
    `select distinct h.organization_id from hub_clinics h join hub_device_clinics d on d.clinic_id = h.clinic_id where d.device_id::text = $1`,
    [device.id],
  );
  const [only] = rows;
  if (only === undefined || rows.length > 1) throw hubErrors.forbidden('This workstation belongs to no organization at the hub.');
  return only.organization_id;
}

/** The size a row of the organization gives the file, or null when none of its rows names it. */
async function declaredSize(db: HubQueries, organizationId: string, hash: string): Promise<number | null> {
  for (const [table, columns] of blobTables()) {
    const size = await declaredSizeIn(db, table, columns, organizationId, hash);
    if (size !== null) return size;
  }
  return null;
}

async function declaredSizeIn(db: HubQueries, table: string, columns: BlobColumns, organizationId: string, hash: string): Promise<number | null> {
  const [row] = await db.query<{ size: string | number }>(
    `select t.${quoted(columns.sizeColumn)} as size from ${quoted(table)} t join hub_clinics c on c.clinic_id = t.${quoted(columns.clinicColumn)}
     where t.${quoted(columns.hashColumn)} = $1 and c.organization_id = $2 limit 1`,
    [hash, organizationId],
  );
  return row === undefined ? null : Number(row.size);
}

export async function storeBlob(db: HubQueries, device: Device, request: BlobUploadRequest): Promise<void> {
  const bytes = Buffer.from(request.contentBase64, 'base64');
  if (bytes.length > HUB_BLOB_MAX_BYTES) throw hubErrors.badRequest(`A file can be at most ${String(HUB_BLOB_MAX_BYTES / 1024 / 1024)} MB at this hub.`);
  if (createHash('sha256').update(bytes).digest('hex') !== request.hash) throw hubErrors.badRequest('The file does not match its fingerprint (SHA-256); it was damaged on the way. The workstation sends it again.');
  const organizationId = await organizationOf(db, device);
  const size = await declaredSize(db, organizationId, request.hash);
  if (size === null) throw hubErrors.notFound('No record of this workstation’s organization names this file; its record goes up first.');
  if (size !== bytes.length) throw hubErrors.badRequest(`The file is ${String(bytes.length)} bytes, but its record says ${String(size)}.`);
  await db.query(`insert into hub_blobs (organization_id, content_hash, size_bytes, bytes) values ($1, $2, $3, $4) on conflict (organization_id, content_hash) do nothing`, [organizationId, request.hash, bytes.length, bytes]);
}

export async function fetchBlob(db: HubQueries, device: Device, hash: string): Promise<BlobDownload> {
  const organizationId = await organizationOf(db, device);
  // Without a row of its organization naming the file, the device hears the same as for a file the hub never had.
  if ((await declaredSize(db, organizationId, hash)) === null) throw hubErrors.notFound('This hub has no such file for this workstation’s organization.');
  const [row] = await db.query<{ bytes: Uint8Array }>(`select bytes from hub_blobs where organization_id = $1 and content_hash = $2`, [organizationId, hash]);
  if (row === undefined) throw hubErrors.notFound('The file has not reached the hub yet from the workstation it was attached on.');
  return { hash, contentBase64: Buffer.from(row.bytes).toString('base64') };
}

import type { ClinicId } from '#shared/domain/ids.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/database.ts';
import { displayLinks } from '../../../db/schema/index.ts';
import { isoAt } from '../../../platform/clock.ts';
import { newId, newSecretToken } from '../../../platform/ids.ts';

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

/** A new waiting-room screen key for a clinic; the key itself is returned once and never stored. */
export function createDisplayLink(db: Db, clinicId: ClinicId, nowMs: number): string {
  const key = newSecretToken();
  db.insert(displayLinks).values({ id: newId(), clinicId, keyHash: hashKey(key), createdAt: isoAt(nowMs) }).run();
  return key;
}

export function revokeDisplayLinks(db: Db, clinicId: ClinicId, nowMs: number): number {
  return db
    .update(displayLinks)
    .set({ revokedAt: isoAt(nowMs) })
    .where(and(eq(displayLinks.clinicId, clinicId), isNull(displayLinks.revokedAt)))
    .run().changes;
}

/** The clinic a screen key opens, or null for an unknown or revoked key. */
export function clinicOfDisplayKey(db: Db, key: string): ClinicId | null {
  if (key.length < 20 || key.length > 200) return null;
  const row = db
    .select({ clinicId: displayLinks.clinicId })
    .from(displayLinks)
    .where(and(eq(displayLinks.keyHash, hashKey(key)), isNull(displayLinks.revokedAt)))
    .get();
  return row?.clinicId ?? null;
}

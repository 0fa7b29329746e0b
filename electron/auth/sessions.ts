import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import { createHash } from 'node:crypto';
import { newSecretToken } from '../platform/ids.ts';

export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;

export type Session = {
  /** The hash of the token: the token itself is held only by the transport that carries it. */
  readonly id: string;
  readonly userId: UserId;
  readonly createdAtMs: number;
  activeClinicId: ClinicId | null;
  lastActivityMs: number;
  locked: boolean;
};

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Sessions live in memory: a restart of the app signs everyone out, which is the safe default. */
export class SessionStore {
  readonly #byId = new Map<string, Session>();

  create(userId: UserId, nowMs: number): { token: string; session: Session } {
    const token = newSecretToken();
    const session: Session = {
      id: hashToken(token),
      userId,
      createdAtMs: nowMs,
      activeClinicId: null,
      lastActivityMs: nowMs,
      locked: false,
    };
    this.#byId.set(session.id, session);
    return { token, session };
  }

  find(token: string): Session | undefined {
    return this.#byId.get(hashToken(token));
  }

  byId(id: string): Session | undefined {
    return this.#byId.get(id);
  }

  end(id: string): void {
    this.#byId.delete(id);
  }

  /** Ends every session of a user (deactivated, password reset); returns the ended ids. */
  endAllOf(userId: UserId, exceptSessionId?: string): string[] {
    const ended: string[] = [];
    for (const session of this.#byId.values()) {
      if (session.userId === userId && session.id !== exceptSessionId) {
        this.#byId.delete(session.id);
        ended.push(session.id);
      }
    }
    return ended;
  }

  isExpired(session: Session, nowMs: number): boolean {
    return nowMs - session.createdAtMs > SESSION_MAX_AGE_MS;
  }
}

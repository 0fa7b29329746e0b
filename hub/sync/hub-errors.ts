import type { HubErrorCode } from '#shared/sync/protocol.ts';

/** A refusal with its HTTP status and a sentence that says what to do. */
export class HubError extends Error {
  constructor(
    readonly code: HubErrorCode,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'HubError';
  }
}

export const hubErrors = {
  badRequest: (message: string) => new HubError('BAD_REQUEST', message, 400),
  unauthenticated: (message = 'This workstation is not enrolled with this hub, or its enrolment was revoked. Enrol it again from its Sync screen.') => new HubError('UNAUTHENTICATED', message, 401),
  forbidden: (message: string) => new HubError('FORBIDDEN', message, 403),
  notFound: (message: string) => new HubError('NOT_FOUND', message, 404),
  conflict: (message: string) => new HubError('CONFLICT', message, 409),
  updateRequired: (message: string) => new HubError('UPDATE_REQUIRED', message, 426),
  reenrolRequired: (message: string) => new HubError('REENROL_REQUIRED', message, 409),
  rateLimited: (message: string) => new HubError('RATE_LIMITED', message, 429),
};

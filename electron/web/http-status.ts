import type { ApiErrorCode } from '#shared/api/errors.ts';

export const httpStatusFor: Readonly<Record<ApiErrorCode, number>> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
};

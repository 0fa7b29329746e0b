import { z } from 'zod';

export const apiErrorCodes = ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INTERNAL'] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

/** Why a session cannot make the call, so the screen knows whether to lock or to sign in again. */
export const unauthenticatedReasons = ['NO_SESSION', 'SESSION_LOCKED', 'SESSION_EXPIRED'] as const;
export type UnauthenticatedReason = (typeof unauthenticatedReasons)[number];

export const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const apiErrorBodySchema = z.object({
  code: z.enum(apiErrorCodes),
  message: z.string(),
  /** The first field at fault, for a form to focus. */
  field: z.string().optional(),
  /** Every field at fault, so a form can show them all at once. */
  fields: z.array(fieldErrorSchema).optional(),
  reason: z.enum(unauthenticatedReasons).optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

/** The one error type that crosses the IPC and HTTP boundaries. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly field: string | undefined;
  readonly fields: FieldError[] | undefined;
  readonly reason: UnauthenticatedReason | undefined;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.field = body.field;
    this.fields = body.fields;
    this.reason = body.reason;
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message };
    if (this.field !== undefined) body.field = this.field;
    if (this.fields !== undefined) body.fields = this.fields;
    if (this.reason !== undefined) body.reason = this.reason;
    return body;
  }
}

export function validationError(field: string, message: string): ApiError {
  return new ApiError({ code: 'VALIDATION', message, field, fields: [{ field, message }] });
}

export function conflictError(message: string, field?: string): ApiError {
  return new ApiError(field === undefined ? { code: 'CONFLICT', message } : { code: 'CONFLICT', message, field });
}

export function notFoundError(message: string): ApiError {
  return new ApiError({ code: 'NOT_FOUND', message });
}

export function forbiddenError(message: string): ApiError {
  return new ApiError({ code: 'FORBIDDEN', message });
}

export function unauthenticatedError(reason: UnauthenticatedReason, message: string): ApiError {
  return new ApiError({ code: 'UNAUTHENTICATED', message, reason });
}

/** What every call answers, over either transport: a result or a typed error, never a thrown stack. */
export type CallOutcome<T> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };

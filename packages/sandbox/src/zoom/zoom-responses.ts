import { json } from '../internal/json';
import type { ZoomErrorAnswer } from './zoom-wire-types';

/** One entry of a Zoom validation error. */
export interface FieldError {
  field: string;
  message: string;
}

/** A Zoom error body `{ code, message }`. */
export function zoomError(status: number, code: number, message: string): Response {
  return json(status, { code, message } satisfies ZoomErrorAnswer);
}

/** Zoom's validation failure: 400, code 300, with per-field errors. */
export function validationFailed(errors: readonly FieldError[]): Response {
  return json(400, {
    code: 300,
    message: 'Validation Failed.',
    errors: [...errors],
  } satisfies ZoomErrorAnswer);
}

/** 404 code 2001 for an account unknown to (or disassociated from) the master. */
export function accountNotFound(id: string): Response {
  return zoomError(404, 2001, `Account does not exist: ${id}.`);
}

/** 400 code 2100: plans are managed by the sub-account itself. */
export function selfPay(): Response {
  return zoomError(400, 2100, 'Sub account is self-pay: billing must be paid by the master account.');
}

/** 409 code 1005: the email is taken. */
export function emailInUse(email: string): Response {
  return zoomError(409, 1005, `Email ${email} is already in use.`);
}

/** 400 code 2034: no licence left in the base plan. */
export function noFreeLicence(): Response {
  return zoomError(400, 2034, 'Your account has reached the maximum number of licensed users.');
}

/** 400 code 300 for an unreadable JSON body. */
export function invalidBody(): Response {
  return zoomError(400, 300, 'Request Body should be a valid JSON object.');
}

/** 400 code 300 for a pagination token that is unknown, expired or from another listing. */
export function invalidPageToken(): Response {
  return zoomError(400, 300, 'The next page token is invalid or expired.');
}

const RATE_LIMIT_MESSAGE =
  'You have reached the maximum per-second rate limit for this API. Try again later.';

/** Zoom's per-second 429. `category` is the label (`Light`), `retryAfterSeconds` adds `Retry-After`. */
export function rateLimited(
  category: 'Light' | 'Medium' | 'Heavy' | undefined,
  limit: number | undefined,
  retryAfterSeconds: number | undefined,
): Response {
  const headers: Record<string, string> = { 'X-RateLimit-Type': 'QPS', 'X-RateLimit-Remaining': '0' };
  if (category) headers['X-RateLimit-Category'] = category;
  if (limit !== undefined) headers['X-RateLimit-Limit'] = String(limit);
  if (retryAfterSeconds !== undefined) headers['Retry-After'] = String(retryAfterSeconds);
  return json(429, { code: 429, message: RATE_LIMIT_MESSAGE } satisfies ZoomErrorAnswer, headers);
}

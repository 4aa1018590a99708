import type { ErrorParser } from '@channelkit/core';
import { parseZoomError } from '../../internal/parse-zoom-error';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface BusinessError {
  error_code: string;
  error_description: string;
}

function isBusinessError(value: unknown): value is BusinessError {
  return isRecord(value) && typeof value.error_code === 'string';
}

/**
 * The status a business error is classified by. Zoom publishes no list of Commerce error codes, so the adapter reads
 * them by their words: `..._NOT_FOUND` is a 404 (`NotFoundError`); a code saying something already exists, is pending,
 * inactive or not approved is a 409 (`ConflictError`: the state of the platform is in the way); anything else is a 400
 * (`BadRequestError`).
 */
export function statusOfBusinessError(code: string): number {
  if (/NOT_FOUND/i.test(code)) return 404;
  if (/EXISTS|DUPLICATE|PENDING|NOT_ACTIVE|NOT_APPROVED|CONFLICT/i.test(code)) return 409;
  return 400;
}

/**
 * Reads Commerce answers: error statuses as the rest of Zoom's API (`{ code, message }`), and business errors that
 * come back inside a successful answer, as `errors[]` of `{ error_code, error_description }` (orders, deal
 * registrations). Those become the `ApiError` subclass of {@link statusOfBusinessError}, never a success. An order
 * preview's `errors` are plain strings, Zoom's reasons to refuse the change it previews: they are the preview's
 * answer, not a failure of the call, and are left to the adapter.
 */
export const parseCommerceError: ErrorParser = (response) => {
  if (response.status >= 300) return parseZoomError(response);
  const { data } = response;
  if (!isRecord(data) || !Array.isArray(data.errors)) return undefined;
  const errors = data.errors.filter(isBusinessError);
  const first = errors[0];
  if (first === undefined) return undefined;
  return {
    status: statusOfBusinessError(first.error_code),
    code: first.error_code,
    message: errors.map((error) => String(error.error_description ?? error.error_code)).join(' '),
    details: errors.map((error) => ({
      field: error.error_code,
      message: String(error.error_description ?? error.error_code),
    })),
    retryable: false,
  };
};

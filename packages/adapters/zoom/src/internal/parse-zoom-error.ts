import type { ErrorParser, PlatformErrorInfo } from '@channelkit/core';

/** Zoom's error code for an invalid or expired access token. */
export const ZOOM_INVALID_TOKEN = 124;
/** Zoom's error code for validation failures; `errors[]` carries the fields. */
export const ZOOM_VALIDATION_FAILED = 300;
/** Zoom's error code for "the email is already in use". */
export const ZOOM_EMAIL_IN_USE = 1005;
/** Zoom's error code for an unknown account. */
export const ZOOM_ACCOUNT_NOT_FOUND = 2001;
/** Zoom's error code for a billing call on a self-pay sub-account. */
export const ZOOM_SELF_PAY = 2100;

const SELF_PAY_HINT =
  'Plans and seats can only be managed on master-paid sub-accounts (pay_mode "master"); this one pays Zoom ' +
  'itself, so ask Zoom to switch it to master billing.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readDetails(errors: unknown): PlatformErrorInfo['details'] {
  if (!Array.isArray(errors)) return undefined;
  const details = errors.filter(isRecord).map((entry) => ({
    field: typeof entry.field === 'string' ? entry.field : undefined,
    message: typeof entry.message === 'string' ? entry.message : String(entry.message ?? 'invalid'),
  }));
  return details.length > 0 ? details : undefined;
}

/**
 * Reads Zoom's error bodies: `{ code, message, errors? }` from the API and `{ reason, error }` from the OAuth
 * endpoint. Success bodies (2xx) carry no error.
 */
export const parseZoomError: ErrorParser = ({ status, data }) => {
  if (status < 400) return undefined;
  if (!isRecord(data)) return status === 429 ? { retryable: true } : undefined;

  if (typeof data.reason === 'string' || typeof data.error === 'string') {
    return {
      code: typeof data.error === 'string' ? data.error : undefined,
      message: typeof data.reason === 'string' ? data.reason : undefined,
    };
  }

  const code = typeof data.code === 'number' || typeof data.code === 'string' ? data.code : undefined;
  const info: PlatformErrorInfo = {
    code,
    message: typeof data.message === 'string' ? data.message : undefined,
    details: readDetails(data.errors),
  };
  switch (Number(code)) {
    case ZOOM_INVALID_TOKEN:
      // Zoom answers 124 for expired and for unknown tokens; a fresh token fixes both, and a second 124 surfaces.
      return { ...info, expiredCredentials: true };
    case ZOOM_ACCOUNT_NOT_FOUND:
      return { ...info, status: 404 };
    case ZOOM_SELF_PAY:
      return { ...info, message: `${info.message ?? 'Sub account is self-pay.'} ${SELF_PAY_HINT}` };
    default:
      return status === 429 ? { ...info, retryable: true } : info;
  }
};

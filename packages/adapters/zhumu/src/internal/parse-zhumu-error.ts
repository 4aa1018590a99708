import type { ErrorParser, PlatformErrorInfo } from '@channelkit/core';
import { zhumuErrorRow } from '../zhumu-errors';

/** Zhumu's code for a key and secret that match no partner key. */
export const ZHUMU_INVALID_CREDENTIALS = 101;
/** Zhumu's code for "an enterprise with this Unified Social Credit Code exists". */
export const ZHUMU_CREDIT_CODE_REGISTERED = 2002;
/** Zhumu's code for "the e-mail is already a Zhumu user". */
export const ZHUMU_USER_EXISTS = 1005;

// What to do, added to Zhumu's message where the message alone leaves the caller guessing.
const ADVICE: Readonly<Record<number, string>> = {
  100: 'The adapter sends both fields on every call; a proxy may have stripped the form body.',
  101: 'Check the apiKey and apiSecret options (or ZHUMU_API_KEY and ZHUMU_API_SECRET).',
  102: 'Ask Zhumu to enable the partner key.',
  200: 'Ask Zhumu to grant the partner key enterprise management rights.',
  2004: 'Only Zhumu support can unlock it.',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ "error": { "code", "message" } }` with a numeric code (a string of digits counts), else `undefined`. */
function readError(data: unknown): { code: number; message: string | undefined } | undefined {
  if (!isRecord(data) || !isRecord(data.error)) return undefined;
  const { code, message } = data.error;
  const numeric = typeof code === 'string' && /^\d{1,9}$/.test(code) ? Number(code) : code;
  if (typeof numeric !== 'number' || !Number.isInteger(numeric)) return undefined;
  return { code: numeric, message: typeof message === 'string' ? message : undefined };
}

/**
 * Reads Zhumu's error object. Business errors arrive with HTTP 200 and are classified by their code (table
 * `ZHUMU_ERROR_CODES`; an unknown code counts as 400); the gateway's errors (429, 5xx, 404...) keep their HTTP status.
 * Code 101 marks the credentials as rejected, so the auth strategy reloads them and the request is repeated once.
 */
export const parseZhumuError: ErrorParser = ({ status, data }) => {
  const error = readError(data);
  if (error === undefined) return undefined;
  const advice = ADVICE[error.code];
  const message =
    advice === undefined ? error.message : `${error.message ?? `Zhumu error ${error.code}`} ${advice}`;
  const info: PlatformErrorInfo = { code: error.code, message };
  if (error.code === ZHUMU_INVALID_CREDENTIALS) info.expiredCredentials = true;
  if (status >= 200 && status < 300) info.status = zhumuErrorRow(error.code)?.status ?? 400;
  return info;
};

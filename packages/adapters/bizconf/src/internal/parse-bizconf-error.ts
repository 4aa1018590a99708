import type { ErrorParser, PlatformErrorInfo } from '@channelkit/core';
import { classifyCode } from '../bizconf-error-codes';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The envelope `{ code, msg, data }`, when `body` is one; `code` may come as a number or a numeric string. */
export function readEnvelope(
  body: unknown,
): { code: number; msg: string | undefined; data: unknown } | undefined {
  if (!isRecord(body)) return undefined;
  const raw = body.code;
  const code =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && /^-?\d{1,9}$/.test(raw)
        ? Number(raw)
        : undefined;
  if (code === undefined || !Number.isInteger(code)) return undefined;
  return { code, msg: typeof body.msg === 'string' ? body.msg : undefined, data: body.data };
}

function readDetails(data: unknown): PlatformErrorInfo['details'] {
  if (!isRecord(data) || !Array.isArray(data.errors)) return undefined;
  const details = data.errors.filter(isRecord).map((entry) => ({
    field: typeof entry.field === 'string' ? entry.field : undefined,
    message: typeof entry.message === 'string' ? entry.message : String(entry.message ?? 'invalid'),
  }));
  return details.length > 0 ? details : undefined;
}

// What to do, added to Bizconf's own (Chinese) message where the code alone does not say it.
const HINTS: Readonly<Record<number, string>> = {
  40101: 'Bizconf does not know this appId, or has disabled it: check appId',
  40102: 'the request lacks a signature header',
  40103:
    'Bizconf computed another signature for this request: check appSecret (and that nothing between you and Bizconf rewrites the request)',
  40104:
    "the request's timestamp is more than 5 minutes from Bizconf's clock: check this machine's clock (NTP)",
  40105: 'the nonce was used before within 5 minutes',
  40902:
    'the bizNo is derived from the idempotency key: this key was used before with a different input; use a new key for a new request',
  42201: 'annual commitments shrink only at renewal',
};

/**
 * Reads Bizconf's envelope `{ code, msg, data }`. Bizconf answers with HTTP 200 whatever happened, so a non-zero
 * code in a 2xx answer is classified by the contract's code table (`status`): rate limits become `RateLimitError`,
 * signature refusals `AuthenticationError`, and a stale timestamp or reused nonce is signed afresh and sent once more
 * (`expiredCredentials`). A real HTTP error from a gateway in front of Bizconf (a 502 page, a 429) keeps its HTTP
 * status; an envelope in it only adds the code and message.
 */
export const parseBizconfError: ErrorParser = ({ status, data }) => {
  const envelope = readEnvelope(data);
  if (envelope === undefined || envelope.code === 0) return undefined;
  const hint = HINTS[envelope.code];
  const info: PlatformErrorInfo = {
    code: envelope.code,
    message:
      envelope.msg === undefined ? hint : hint === undefined ? envelope.msg : `${envelope.msg} (${hint})`,
    details: readDetails(envelope.data),
  };
  if (status >= 300) return info;
  const classified = classifyCode(envelope.code);
  return {
    ...info,
    status: classified.status,
    ...(classified.resign ? { expiredCredentials: true } : {}),
  };
};

/** One of Zhumu's error codes and how channelkit classifies it. */
export interface ZhumuErrorMapping {
  /** Zhumu's code, `error.code` of an answer. */
  readonly code: number;
  /** channelkit's name for the code. */
  readonly name: string;
  /**
   * The HTTP status the error is classified by, which picks the channelkit error class: 400 `BadRequestError`,
   * 401 `AuthenticationError`, 403 `PermissionError`, 404 `NotFoundError`, 409 `ConflictError`, 429
   * `RateLimitError`. Zhumu answers business errors with HTTP 200, so the code decides.
   */
  readonly status: 400 | 401 | 403 | 404 | 409 | 429;
  /** What it means and what to do. */
  readonly meaning: string;
}

/**
 * Zhumu's error codes (channelkit's Zhumu contract v1) and the status each one is classified by, as data: the adapter
 * classifies with this table, and docs/partners/zhumu.md prints the same table. A code outside it keeps the HTTP
 * status it came with, or counts as 400 when it came with HTTP 200.
 */
export const ZHUMU_ERROR_CODES: readonly ZhumuErrorMapping[] = freezeRows([
  { code: 100, name: 'missing_credentials', status: 401, meaning: '`api_key` or `api_secret` missing' },
  {
    code: 101,
    name: 'invalid_credentials',
    status: 401,
    meaning:
      'the key and secret match no partner key: the adapter reads its credentials again and repeats once',
  },
  { code: 102, name: 'key_disabled', status: 403, meaning: 'the partner key is disabled: ask Zhumu' },
  {
    code: 200,
    name: 'no_permission',
    status: 403,
    meaning: 'the key may not manage enterprises: ask Zhumu for enterprise rights',
  },
  {
    code: 300,
    name: 'invalid_parameter',
    status: 400,
    meaning: 'a parameter is missing or invalid; the message names it',
  },
  {
    code: 1005,
    name: 'user_exists',
    status: 409,
    meaning: 'the administrator e-mail is already a Zhumu user: use another one',
  },
  {
    code: 2001,
    name: 'enterprise_not_found',
    status: 404,
    meaning: 'no enterprise of this partner has the id',
  },
  {
    code: 2002,
    name: 'credit_code_registered',
    status: 409,
    meaning:
      'an enterprise with this Unified Social Credit Code exists (provisioning resolves it, see Idempotency)',
  },
  {
    code: 2003,
    name: 'status_not_allowed',
    status: 409,
    meaning: 'the enterprise status does not allow the operation (e.g. resume a cancelled one)',
  },
  {
    code: 2004,
    name: 'enterprise_locked',
    status: 409,
    meaning: 'Zhumu locked the enterprise; only Zhumu support can unlock it',
  },
  {
    code: 2101,
    name: 'seats_below_used',
    status: 400,
    meaning: 'fewer seats than are in use (checked by the adapter before sending)',
  },
  {
    code: 2102,
    name: 'seat_limit_exceeded',
    status: 400,
    meaning: 'more seats than the plan allows (checked by the adapter before sending)',
  },
  {
    code: 2103,
    name: 'plan_not_allowed',
    status: 400,
    meaning: 'unknown plan, or a change of plan Zhumu does not allow (to `trial`)',
  },
  { code: 429, name: 'rate_limited', status: 429, meaning: 'too many requests for the category (HTTP 429)' },
]);

function freezeRows(rows: ZhumuErrorMapping[]): readonly ZhumuErrorMapping[] {
  return Object.freeze(rows.map((row) => Object.freeze(row)));
}

const byCode = new Map(ZHUMU_ERROR_CODES.map((row) => [row.code, row]));

/** The mapping row of a Zhumu error code, `undefined` for a code outside the table. */
export function zhumuErrorRow(code: number): ZhumuErrorMapping | undefined {
  return byCode.get(code);
}

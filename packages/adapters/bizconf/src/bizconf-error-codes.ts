/** One envelope code of the Bizconf contract, as {@link BIZCONF_ERROR_CODES} lists them. */
export interface BizconfErrorCode {
  /** The envelope's `code`. */
  readonly code: number;
  /** Its name in the contract. */
  readonly name: string;
  /** The HTTP status it is classified as, which picks the error class (401: `AuthenticationError`...). */
  readonly status: number;
  /**
   * The request was refused for its timestamp or nonce before Bizconf processed it: the transport signs it afresh
   * and sends it once more, whatever its method.
   */
  readonly resign?: true | undefined;
}

/**
 * The envelope codes of the Bizconf contract v1 with the status each is classified as. Bizconf answers business
 * errors, rate limits and signature refusals alike with HTTP 200 and a non-zero `code`; a code is its HTTP status
 * followed by two digits, so a code not listed here is classified by its first three digits (`40499`: 404), and any
 * other non-zero code as 400.
 */
export const BIZCONF_ERROR_CODES: readonly BizconfErrorCode[] = Object.freeze([
  { code: 40001, name: 'PARAM_INVALID', status: 400 },
  { code: 40002, name: 'BODY_INVALID', status: 400 },
  { code: 40101, name: 'APP_INVALID', status: 401 },
  { code: 40102, name: 'SIGN_MISSING', status: 401 },
  { code: 40103, name: 'SIGN_INVALID', status: 401 },
  { code: 40104, name: 'TIMESTAMP_EXPIRED', status: 401, resign: true },
  { code: 40105, name: 'NONCE_REPLAYED', status: 401, resign: true },
  { code: 40301, name: 'FORBIDDEN', status: 403 },
  { code: 40401, name: 'ENTERPRISE_NOT_FOUND', status: 404 },
  { code: 40402, name: 'TASK_NOT_FOUND', status: 404 },
  { code: 40403, name: 'API_NOT_FOUND', status: 404 },
  { code: 40901, name: 'ENTERPRISE_EXISTS', status: 409 },
  { code: 40902, name: 'BIZ_NO_CONFLICT', status: 409 },
  { code: 40903, name: 'STATUS_NOT_ALLOWED', status: 409 },
  { code: 42201, name: 'SEAT_DECREASE_BEFORE_RENEWAL', status: 422 },
  { code: 42202, name: 'SEATS_BELOW_USED', status: 422 },
  { code: 42203, name: 'PLAN_UNKNOWN', status: 422 },
  { code: 42901, name: 'RATE_LIMITED', status: 429 },
  { code: 50001, name: 'SYSTEM_BUSY', status: 500 },
] as const);

const known = new Map<number, BizconfErrorCode>(BIZCONF_ERROR_CODES.map((entry) => [entry.code, entry]));

/** How an envelope code is classified: its row of the table, or by its first three digits, or as 400. */
export function classifyCode(code: number): BizconfErrorCode {
  const listed = known.get(code);
  if (listed) return listed;
  const status = Math.floor(code / 100);
  const byRange = Number.isInteger(code) && status >= 400 && status <= 599 ? status : 400;
  return { code, name: 'UNKNOWN', status: byRange };
}

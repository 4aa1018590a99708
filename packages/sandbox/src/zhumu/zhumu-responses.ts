// Zhumu's answers: JSON, UTF-8. A business error is an HTTP 200 carrying `{ "error": { "code", "message" } }`, as
// Zoom's v1 API answered; only the gateway in front of the API answers otherwise (429 for rate limits, 5xx).

/** Zhumu's error codes (channelkit's Zhumu contract v1). */
export const ZHUMU_ERROR = {
  /** `api_key` or `api_secret` missing. */
  missingCredentials: 100,
  /** `api_key` and `api_secret` do not match a partner key. */
  invalidCredentials: 101,
  /** The partner key is disabled. */
  keyDisabled: 102,
  /** The key may not manage enterprises. */
  noPermission: 200,
  /** A parameter is missing or invalid; the message names it. */
  invalidParameter: 300,
  /** The e-mail is already a Zhumu user. */
  userExists: 1005,
  /** No enterprise of this partner has this id. */
  enterpriseNotFound: 2001,
  /** An enterprise with this Unified Social Credit Code exists. */
  creditCodeRegistered: 2002,
  /** The enterprise's status does not allow the operation. */
  statusNotAllowed: 2003,
  /** Zhumu locked the enterprise; only Zhumu can unlock it. */
  enterpriseLocked: 2004,
  /** Fewer seats than are in use. */
  seatsBelowUsed: 2101,
  /** More seats than the plan allows. */
  seatLimitExceeded: 2102,
  /** Unknown plan, or a change of plan Zhumu does not allow. */
  planNotAllowed: 2103,
  /** Too many requests (HTTP 429). */
  rateLimited: 429,
} as const;

/** A JSON answer in UTF-8. */
export function zhumuJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** A success: HTTP 200 with `body`. */
export function ok(body: unknown): Response {
  return zhumuJson(200, body);
}

/** An error object; business errors travel with HTTP 200, gateway errors with their own status. */
export function zhumuError(
  code: number,
  message: string,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return zhumuJson(status, { error: { code, message } }, headers);
}

/** Error 300 naming the parameter at fault. */
export function invalidParameter(field: string, problem: string): Response {
  return zhumuError(ZHUMU_ERROR.invalidParameter, `参数错误 / Invalid parameter ${field}: ${problem}`);
}

/** Error 2001 for an id no enterprise of this partner has. */
export function enterpriseNotFound(id: string): Response {
  return zhumuError(ZHUMU_ERROR.enterpriseNotFound, `企业不存在 / Enterprise does not exist: ${id}`);
}

/** Error 101: the key and secret match no partner key. */
export function invalidCredentials(): Response {
  return zhumuError(
    ZHUMU_ERROR.invalidCredentials,
    'api_key 或 api_secret 无效 / Invalid api_key or api_secret.',
  );
}

/**
 * The gateway's 429: `limitPerMinute` of `category` exceeded; `Retry-After` only when the sandbox knows when a
 * request will be accepted again.
 */
export function rateLimited(
  category: string | undefined,
  limitPerMinute: number | undefined,
  retryAfterSeconds: number | undefined,
): Response {
  const headers: Record<string, string> = {};
  if (category !== undefined) headers['X-RateLimit-Category'] = category;
  if (limitPerMinute !== undefined) headers['X-RateLimit-Limit'] = String(limitPerMinute);
  if (retryAfterSeconds !== undefined) headers['Retry-After'] = String(retryAfterSeconds);
  const scope =
    category === undefined
      ? ''
      : limitPerMinute === undefined
        ? ` for ${category} requests`
        : `: at most ${limitPerMinute} ${category} requests per minute per api_key`;
  return zhumuError(
    ZHUMU_ERROR.rateLimited,
    `请求过于频繁，请稍后再试 / Too many requests${scope}.`,
    429,
    headers,
  );
}

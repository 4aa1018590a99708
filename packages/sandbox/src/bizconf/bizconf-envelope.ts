/** One field a request got wrong, as Bizconf lists them in `data.errors`. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * The envelope codes of the Bizconf contract v1. A code is the HTTP status it stands for followed by two digits
 * (40401: a 404), so a client can classify a code it does not know yet.
 */
export const CODES = {
  success: 0,
  paramInvalid: 40001,
  bodyInvalid: 40002,
  appInvalid: 40101,
  signMissing: 40102,
  signInvalid: 40103,
  timestampExpired: 40104,
  nonceReplayed: 40105,
  forbidden: 40301,
  enterpriseNotFound: 40401,
  taskNotFound: 40402,
  apiNotFound: 40403,
  enterpriseExists: 40901,
  bizNoConflict: 40902,
  statusNotAllowed: 40903,
  seatDecreaseBeforeRenewal: 42201,
  seatsBelowUsed: 42202,
  planUnknown: 42203,
  rateLimited: 42901,
  systemBusy: 50001,
} as const;

/** An envelope answer: always HTTP 200, business errors included, as Bizconf's gateway answers. */
export function envelope(
  code: number,
  msg: string,
  data: unknown = null,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ code, msg, data }), {
    status: 200,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
  });
}

/** `{ code: 0, msg: 'success', data }`. */
export function success(data: unknown): Response {
  return envelope(CODES.success, 'success', data);
}

/** 40001 with the fields at fault in `data.errors`. */
export function paramInvalid(errors: readonly FieldError[]): Response {
  const first = errors[0];
  const msg = first ? `参数错误：${first.field} ${first.message}` : '参数错误';
  return envelope(CODES.paramInvalid, msg, { errors });
}

/** The gateway's own HTML error page, as an nginx in front of the API answers a 502 or 503. */
export function gatewayPage(status: 502 | 503): Response {
  const title = status === 502 ? '502 Bad Gateway' : '503 Service Temporarily Unavailable';
  return new Response(
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
    { status, headers: { 'content-type': 'text/html' } },
  );
}

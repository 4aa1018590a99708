// The few response builders the in-memory Umeet needs, written here rather than borrowed from the sandbox's
// internals: a platform hosted by the sandbox uses its public extension point alone.

/** Where RFC 9457 problem types of contract v1 live: `<base>/<code with dashes>`. */
export const PROBLEM_TYPE_BASE = 'https://api.umeet.cn/problems/';

/** One field-level problem: `pointer` (RFC 6901) into the request body, or `parameter` of the query. */
export interface FieldProblem {
  readonly pointer?: string;
  readonly parameter?: string;
  readonly detail: string;
}

/** A problem details object (RFC 9457) with contract v1's extension members. */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly code: string;
  readonly errors?: readonly FieldProblem[];
  readonly [extension: string]: unknown;
}

/** A JSON answer. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** The problem object of `code`, as it appears in an answer or inside an operation. */
export function problemBody(
  status: number,
  code: string,
  title: string,
  detail?: string,
  extensions: Record<string, unknown> = {},
): ProblemBody {
  return {
    type: `${PROBLEM_TYPE_BASE}${code.replaceAll('_', '-')}`,
    title,
    status,
    ...(detail === undefined ? {} : { detail }),
    code,
    ...extensions,
  };
}

// The problem behind each problem answer, so that the request id can be added as its `instance` once it is known.
const problems = new WeakMap<Response, ProblemBody>();

/** An `application/problem+json` answer. */
export function problem(
  status: number,
  code: string,
  title: string,
  detail?: string,
  options: { extensions?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Response {
  const body = problemBody(status, code, title, detail, options.extensions);
  const response = new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...options.headers },
  });
  problems.set(response, body);
  return response;
}

/**
 * Stamps an answer with its request id: the `X-Request-Id` header, and for a problem the `instance` member
 * (`urn:umeet:request:<id>`), which identifies this occurrence of the problem.
 */
export function withRequestId(response: Response, requestId: string): Response {
  const body = problems.get(response);
  const stamped = body
    ? new Response(JSON.stringify({ ...body, instance: `urn:umeet:request:${requestId}` }), {
        status: response.status,
        headers: response.headers,
      })
    : response;
  stamped.headers.set('x-request-id', requestId);
  return stamped;
}

/** 422 `validation_failed` listing every field problem. */
export function validationFailed(errors: readonly FieldProblem[]): Response {
  return problem(422, 'validation_failed', 'Validation failed', '请求包含无效字段，详见 errors。', {
    extensions: { errors },
  });
}

/** 400 `invalid_request` for a body that is not a JSON object. */
export function unreadableBody(): Response {
  return problem(400, 'invalid_request', 'Invalid request', '请求体必须是 JSON 对象。');
}

/** Reads a JSON object body; `undefined` when the body is not one. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(await request.text());
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** True for plain objects (not arrays, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 3339 in UTC without milliseconds, as contract v1 writes timestamps. */
export function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `YYYY-MM-DD` in UTC. */
export function calendarDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

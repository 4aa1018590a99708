import type { ApiErrorDetail, ErrorParser, PlatformErrorInfo } from '@channelkit/core';
import { fieldOf } from './field-pointers';

/** Where contract v1's problem types live: `https://api.umeet.cn/problems/<code with dashes>`. */
export const UMEET_PROBLEM_TYPE_BASE = 'https://api.umeet.cn/problems/';

/** Problem codes the adapter acts on. */
export const UMEET_PROBLEMS = {
  adminEmailTaken: 'admin_email_taken',
  idempotencyKeyInUse: 'idempotency_key_in_use',
  preconditionFailed: 'precondition_failed',
  accountProvisioning: 'account_provisioning',
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The problem's `code` extension, else the last segment of a contract v1 problem `type`. */
function codeOf(problem: Record<string, unknown>): string | undefined {
  const code = text(problem.code);
  if (code !== undefined) return code;
  const type = text(problem.type);
  if (type?.startsWith(UMEET_PROBLEM_TYPE_BASE))
    return type.slice(UMEET_PROBLEM_TYPE_BASE.length).replaceAll('-', '_');
  return undefined;
}

function detailsOf(errors: unknown): ApiErrorDetail[] | undefined {
  if (!Array.isArray(errors)) return undefined;
  const details: ApiErrorDetail[] = [];
  for (const entry of errors) {
    if (!isRecord(entry)) continue;
    const field = fieldOf(entry);
    const message = text(entry.detail) ?? text(entry.message) ?? 'is invalid';
    details.push(field === undefined ? { message } : { field, message });
  }
  return details.length > 0 ? details : undefined;
}

/**
 * Reads a problem details object (RFC 9457) into what the transport builds errors from: `code` (the extension member,
 * else derived from `type`), a message of `title` and `detail`, and `errors[]` as field details named like the
 * channelkit input. Used for the answers of the API and for problems embedded in a failed operation.
 */
export function readProblem(problem: unknown): PlatformErrorInfo | undefined {
  if (!isRecord(problem)) return undefined;
  const title = text(problem.title);
  const detail = text(problem.detail);
  const code = codeOf(problem);
  if (title === undefined && detail === undefined && code === undefined) return undefined;
  const info: PlatformErrorInfo = {
    code,
    message: title !== undefined && detail !== undefined ? `${title}: ${detail}` : (detail ?? title),
    details: detailsOf(problem.errors),
  };
  // RFC 9457: `status` is advisory; the HTTP status of the answer decides. A second request with the same key while
  // the first is still running (409) may succeed once the first has finished.
  if (code === UMEET_PROBLEMS.idempotencyKeyInUse) info.retryable = true;
  return info;
}

/**
 * Umeet's error answers: `application/problem+json` from the API, and RFC 6749 `{ error, error_description }` from the
 * token endpoint. Answers below 400 carry no error.
 */
export const parseUmeetError: ErrorParser = ({ status, data }) => {
  if (status < 400 || !isRecord(data)) return undefined;
  if (typeof data.error === 'string' && data.type === undefined) {
    return { code: data.error, message: text(data.error_description) ?? data.error };
  }
  return readProblem(data);
};

import type { OutgoingRequest } from '../auth/auth-strategy';
import type { ParamValue } from '../transport/transport-types';

/** Joins a base URL and a path, or returns the path when it is already absolute. */
export function resolveUrl(baseURL: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return baseURL + (path.startsWith('/') ? path : `/${path}`);
}

/** Stringifies parameter values, dropping `undefined`. */
export function stringifyParams(params: Record<string, ParamValue> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (params === undefined) return out;
  for (const key in params) {
    const value = params[key];
    if (value !== undefined) out[key] = String(value);
  }
  return out;
}

/** The full URL of an outgoing request, query string included. */
export function urlWithQuery(request: OutgoingRequest): string {
  for (const _ in request.query) {
    const query = new URLSearchParams(request.query).toString();
    return request.url + (request.url.includes('?') ? '&' : '?') + query;
  }
  return request.url;
}

/** Encodes the body: form fields url-encoded, anything else as JSON; sets the matching content type. */
export function encodeBody(request: OutgoingRequest, headers: Record<string, string>): string | undefined {
  if (request.form !== undefined) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
    return new URLSearchParams(request.form).toString();
  }
  if (request.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    return JSON.stringify(request.body);
  }
  return undefined;
}

/** Parses a response body: JSON when it looks like JSON (platforms mislabel content types), else text. */
export function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  const first = text.trimStart()[0];
  if (first === '{' || first === '[' || contentType?.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** The first message-like field of a common error body shape, for platforms without an error parser. */
export function guessErrorMessage(data: unknown): string | undefined {
  if (typeof data === 'string') return data.length > 0 && data.length <= 300 ? data : undefined;
  if (typeof data !== 'object' || data === null) return undefined;
  const body = data as Record<string, unknown>;
  for (const key of ['message', 'error_description', 'reason', 'msg', 'errmsg', 'error']) {
    const value = body[key];
    if (typeof value === 'string' && value !== '') return value;
    if (key === 'error' && typeof value === 'object' && value !== null) return guessErrorMessage(value);
  }
  return undefined;
}

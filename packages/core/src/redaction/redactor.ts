/** What redacted values are replaced with. */
export const REDACTED = '[REDACTED]';

const sensitiveHeader =
  /^(authorization|proxy-authorization|cookie|set-cookie)$|api[-_]?key|api[-_]?secret|signature|token|secret|password/i;
const sensitiveParam =
  /token|secret|password|passwd|signature|^sign$|^sig$|api[-_]?key|api[-_]?secret|client[-_]?secret|credential/i;

/** True for header names whose values are never shown (Authorization, Cookie, x-api-key, signatures...). */
export function isSensitiveHeader(name: string): boolean {
  return sensitiveHeader.test(name);
}

/** True for query, form and body field names whose values are never shown (token, secret, password, sign...). */
export function isSensitiveParam(name: string): boolean {
  return sensitiveParam.test(name);
}

/** Removes secrets from strings, URLs, headers and arbitrary values. */
export interface Redactor {
  /** Replaces every known secret value occurring in `value`. */
  string(value: string): string;
  /** Redacts sensitive query parameters and known secret values in a URL. */
  url(url: string): string;
  /** Copies headers, redacting sensitive names and known secret values. */
  headers(headers: Record<string, string>): Record<string, string>;
  /** Deep-copies a JSON-like value, redacting sensitive keys and known secret values (depth-limited). */
  value(value: unknown): unknown;
}

/**
 * Creates a redactor. `secrets` is read on every call so rotating tokens are covered; values shorter than
 * four characters are ignored to keep messages readable.
 */
export function createRedactor(secrets: () => readonly string[] = () => []): Redactor {
  const known = (): string[] => {
    const out: string[] = [];
    for (const secret of secrets()) {
      if (typeof secret !== 'string' || secret.length < 4) continue;
      out.push(secret);
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) out.push(encoded);
    }
    // Longest first, so a secret that contains another is replaced whole.
    return out.sort((a, b) => b.length - a.length);
  };

  const string = (value: string, list = known()): string => {
    let out = value;
    for (const secret of list) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  };

  const url = (value: string): string => {
    const list = known();
    const queryAt = value.indexOf('?');
    if (queryAt === -1) return string(value, list);
    const params = new URLSearchParams(value.slice(queryAt + 1));
    for (const key of new Set(params.keys())) {
      if (isSensitiveParam(key)) params.set(key, REDACTED);
    }
    return string(`${value.slice(0, queryAt)}?${params.toString()}`, list);
  };

  const headers = (value: Record<string, string>): Record<string, string> => {
    const list = known();
    const out: Record<string, string> = {};
    for (const [name, header] of Object.entries(value)) {
      out[name] = isSensitiveHeader(name) ? REDACTED : string(header, list);
    }
    return out;
  };

  const deep = (value: unknown, list: string[], depth: number): unknown => {
    if (typeof value === 'string') return string(value, list);
    if (typeof value !== 'object' || value === null) return value;
    if (depth > 8) return '[Truncated]';
    if (Array.isArray(value)) return value.map((item) => deep(item, list, depth + 1));
    if (value instanceof URLSearchParams) return deep(Object.fromEntries(value), list, depth + 1);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] =
        isSensitiveParam(key) && item !== undefined && item !== null ? REDACTED : deep(item, list, depth + 1);
    }
    return out;
  };

  return { string: (value) => string(value), url, headers, value: (value) => deep(value, known(), 0) };
}

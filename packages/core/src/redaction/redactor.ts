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

// OAuth's `token_type` ("bearer") names a kind of token; it is no secret.
const tokenType = /^token[-_]?type$/i;

/** True for query, form and body field names whose values are never shown (token, secret, password, sign...). */
export function isSensitiveParam(name: string): boolean {
  return sensitiveParam.test(name) && !tokenType.test(name);
}

/** Removes secrets from strings, URLs, headers and arbitrary values. */
export interface Redactor {
  /** Replaces every known secret value occurring in `value`. */
  string(value: string): string;
  /** Redacts sensitive query parameters and known secret values in a URL. */
  url(url: string): string;
  /** Copies headers, redacting sensitive names and known secret values. */
  headers(headers: Record<string, string>): Record<string, string>;
  /**
   * Deep-copies a JSON-like value (depth-limited), redacting the values of sensitive keys, and every known secret
   * and every value found under a sensitive key of `value` wherever it occurs: in other values and in keys.
   */
  value(value: unknown): unknown;
  /**
   * A redactor that also hides every string found under a sensitive key of `body` (at least four characters),
   * e.g. the new `access_token` of a token response that the platform echoes in another field or in its error
   * message, before the auth strategy has learnt it.
   */
  including(body: unknown): Redactor;
}

// Shorter values are left alone: hiding every "ok" or "1" would make messages unreadable and protect nothing.
const minSecretLength = 4;

/**
 * Creates a redactor. `secrets` is read on every call so rotating tokens are covered (auth strategies report
 * their recent tokens too, so a token replaced by a refresh stays hidden); values shorter than four characters
 * are ignored to keep messages readable.
 */
export function createRedactor(secrets: () => readonly string[] = () => []): Redactor {
  let lastInput: readonly string[] = [];
  let lastList: string[] = [];
  // Redaction runs on every event and error: rebuild the sorted list only when the secrets changed.
  const known = (): string[] => {
    const input = secrets();
    if (input !== lastInput && !sameEntries(input, lastInput)) {
      lastList = secretList(input);
    }
    lastInput = input;
    return lastList;
  };
  return redactorOver(known);
}

function sameEntries(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The secrets to replace, with their URL-encoded forms, longest first (a secret containing another goes whole). */
function secretList(secrets: Iterable<unknown>): string[] {
  const out = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < minSecretLength) continue;
    out.add(secret);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out.add(encoded);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

function redactorOver(known: () => string[]): Redactor {
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
      out[string(key, list)] =
        isSensitiveParam(key) && item !== undefined && item !== null ? REDACTED : deep(item, list, depth + 1);
    }
    return out;
  };

  const including = (body: unknown): Redactor => {
    const found = new Set<string>();
    collectSensitive(body, found, 0);
    if (found.size === 0) return redactor;
    let base: string[] | undefined;
    let list: string[] = [];
    return redactorOver(() => {
      const current = known();
      if (current !== base) {
        base = current;
        list = secretList([...current, ...found]);
      }
      return list;
    });
  };

  const redactor: Redactor = {
    string: (value) => string(value),
    url,
    headers,
    value: (value) => {
      const found = new Set<string>();
      collectSensitive(value, found, 0);
      return deep(value, found.size === 0 ? known() : secretList([...known(), ...found]), 0);
    },
    including,
  };
  return redactor;
}

/**
 * Strings held under sensitive keys anywhere in `value` (everything below such a key counts), with the same
 * depth limit as the redaction itself.
 */
function collectSensitive(value: unknown, found: Set<string>, depth: number, sensitive = false): void {
  if (typeof value === 'string') {
    if (sensitive && value.length >= minSecretLength) found.add(value);
    return;
  }
  if (typeof value !== 'object' || value === null || depth > 8) return;
  if (Array.isArray(value)) {
    for (const item of value) collectSensitive(item, found, depth + 1, sensitive);
    return;
  }
  const entries = value instanceof URLSearchParams ? value.entries() : Object.entries(value);
  for (const [key, item] of entries) {
    collectSensitive(item, found, depth + 1, sensitive || isSensitiveParam(key));
  }
}

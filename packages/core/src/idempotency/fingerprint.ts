import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted (by UTF-16 code units, as RFC 8785 does) and `undefined` members left out, so that
 * equal values always give the same text whatever the order their keys were written in. Values are what validated
 * inputs hold: strings, finite numbers, booleans, null, arrays and plain objects (`toJSON` is honoured).
 */
export function canonicalJson(value: unknown): string {
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${members.join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`Cannot fingerprint the non-finite number ${value}`);
  }
  if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') {
    throw new TypeError(`Cannot fingerprint a ${typeof value}`);
  }
  return JSON.stringify(value ?? null);
}

/**
 * The fingerprint an idempotency key is bound to: hex SHA-256 of the operation name and the canonical JSON of its
 * validated input. The same operation with an equal input gives the same fingerprint in every process and version.
 */
export function fingerprintOf(operation: string, input: unknown): string {
  return createHash('sha256').update(canonicalJson({ operation, input })).digest('hex');
}

import { createHash } from 'node:crypto';

/**
 * The request number (`bizNo`) of a write: `ck` and 40 hex digits of SHA-256 over the app id, the operation, the
 * resource and the idempotency key. The same call repeated with the same key sends the same number, which Bizconf
 * answers with the first result instead of writing again; the same key with another input gets Bizconf's 40902.
 */
export function bizNoFor(appId: string, operation: string, resource: string, idempotencyKey: string): string {
  // Line feeds cannot occur in any part (the client refuses control characters in keys and ids), so parts never blur.
  const digest = createHash('sha256').update([appId, operation, resource, idempotencyKey].join('\n'), 'utf8');
  return `ck${digest.digest('hex').slice(0, 40)}`;
}

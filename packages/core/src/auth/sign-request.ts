import type { AuthStrategy, OutgoingRequest } from './auth-strategy';

/**
 * Authenticates by signing each attempt, for platforms that sign parameters (timestamp, nonce, `sign` field).
 * `sign` runs before every attempt, so timestamps are fresh on retries. List the secrets it uses so they are
 * redacted everywhere.
 * @example
 * signRequest((request) => ({ ...request, form: { ...request.form, sign: md5(canonical(request) + secret) } }), [secret]);
 */
export function signRequest(
  sign: (request: OutgoingRequest) => OutgoingRequest | Promise<OutgoingRequest>,
  secrets: readonly string[] = [],
): AuthStrategy {
  return {
    name: 'signed-request',
    authenticate: (request) => sign(request),
    secrets: () => secrets,
  };
}

import {
  createHttpTransport,
  type HttpTransport,
  oauth2ClientCredentials,
  type TransportSettings,
} from '@channelkit/core';
import type { UmeetRateLimits } from '../umeet-options';
import { parseUmeetError } from './parse-problem';
import type { UmeetScope } from './scope';

/** What the transport is built from; the secret stays in the closure that holds it. */
export interface UmeetTransportConnection {
  clientId: string;
  clientSecret: string;
  baseUrl: string;
  tokenUrl: string;
  rateLimits: UmeetRateLimits;
}

function mergeRateLimits(
  defaults: UmeetRateLimits,
  overrides: TransportSettings['rateLimit'],
): number | Record<string, number> {
  // A single number from the client settings is one budget shared by every request, whatever its category.
  if (typeof overrides === 'number') return overrides;
  return { ...defaults, ...overrides };
}

/**
 * Builds the Umeet transport: OAuth 2.0 client credentials (one token request however many calls wait, a fresh token
 * once on a 401), `read`/`write` rate limits, `Idempotency-Key` on writes, RFC 9457 problems, `X-Request-Id`.
 */
export function createUmeetTransport(
  connection: UmeetTransportConnection,
  scope: UmeetScope,
  settings: TransportSettings,
): HttpTransport {
  const auth = oauth2ClientCredentials({
    tokenUrl: connection.tokenUrl,
    clientId: connection.clientId,
    clientSecret: connection.clientSecret,
    credentialsIn: 'basic',
    // The token endpoint is not counted against the API's categories.
    category: 'oauth',
  });
  // Text the adapter takes from 2xx answers into its own errors and logs is redacted with the same secrets.
  scope.useSecrets(() => auth.secrets());
  scope.transportTimeoutMs = settings.timeoutMs;
  return createHttpTransport({
    // Every client setting reaches the transport by name, including settings added after this adapter was written;
    // only the rate limits are merged over Umeet's own.
    ...settings,
    rateLimit: mergeRateLimits(connection.rateLimits, settings.rateLimit),
    baseURL: connection.baseUrl,
    platform: 'umeet',
    auth,
    idempotencyHeader: 'Idempotency-Key',
    requestIdHeader: 'x-request-id',
    parseError: parseUmeetError,
  });
}

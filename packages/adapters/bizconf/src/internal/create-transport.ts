import { createHttpTransport, type HttpTransport, type TransportSettings } from '@channelkit/core';
import type { BizconfRateLimits } from '../bizconf-options';
import { parseBizconfError } from './parse-bizconf-error';
import type { BizconfConnection } from './resolve-connection';
import { bizconfSigning } from './signing';

function mergeRateLimits(
  defaults: BizconfRateLimits,
  overrides: TransportSettings['rateLimit'],
): number | Record<string, number> {
  // A single number from the client settings is one budget shared by every request, whatever its category.
  if (typeof overrides === 'number') return overrides;
  return { ...defaults, ...overrides };
}

/**
 * Builds the Bizconf transport: every attempt signed afresh (HMAC-SHA256, timestamp, nonce), the envelope read by
 * the error parser (HTTP 200 with a non-zero code is an error), the `query` and `write` limits, Bizconf's request id.
 */
export function createBizconfTransport(
  connection: BizconfConnection,
  settings: TransportSettings,
): HttpTransport {
  return createHttpTransport({
    // Every client setting (timeout, response cap, retries, user agent, body events) reaches the transport by name,
    // including settings added after this adapter was written; only the rate limits are merged over the contract's.
    ...settings,
    rateLimit: mergeRateLimits(connection.rateLimits, settings.rateLimit),
    baseURL: connection.apiUrl,
    platform: 'bizconf',
    auth: bizconfSigning(connection),
    // Writes carry a request number (bizNo) in their body instead of an idempotency header.
    idempotencyHeader: null,
    requestIdHeader: 'x-request-id',
    parseError: parseBizconfError,
  });
}

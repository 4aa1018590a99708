import { createHttpTransport, type HttpTransport, type TransportSettings } from '@channelkit/core';
import type { ZhumuRateLimits } from '../zhumu-options';
import { zhumuCredentialsAuth } from './credentials-auth';
import { parseZhumuError } from './parse-zhumu-error';
import type { ZhumuConnection } from './resolve-connection';

/** Zhumu counts per minute, the transport's limiter per second. */
function perSecond(limits: ZhumuRateLimits): Record<string, number> {
  return { read: limits.read / 60, write: limits.write / 60 };
}

function mergeRateLimits(
  limits: ZhumuRateLimits,
  overrides: TransportSettings['rateLimit'],
): number | Record<string, number> {
  // A single number from the client settings is one budget (per second) shared by every request.
  if (typeof overrides === 'number') return overrides;
  return { ...perSecond(limits), ...overrides };
}

/** Builds the Zhumu transport: key and secret in every form, per-minute categories, Zhumu's error objects. */
export function createZhumuTransport(
  connection: ZhumuConnection,
  settings: TransportSettings,
): HttpTransport {
  return createHttpTransport({
    // Every client setting (timeout, response cap, retries, user agent, body events) reaches the transport by name,
    // including settings added after this adapter was written; only the rate limits are merged over Zhumu's own.
    ...settings,
    rateLimit: mergeRateLimits(connection.rateLimits, settings.rateLimit),
    baseURL: connection.apiUrl,
    platform: 'zhumu',
    auth: zhumuCredentialsAuth(connection.credentials),
    // Zhumu has no idempotency key; provisioning resolves ambiguous creates by reading instead.
    idempotencyHeader: null,
    requestIdHeader: 'x-request-id',
    parseError: parseZhumuError,
  });
}

import {
  createHttpTransport,
  type ErrorParser,
  type HttpTransport,
  oauth2ClientCredentials,
  type TransportSettings,
} from '@channelkit/core';
import type { ZoomRateLimits } from '../zoom-options';
import { parseZoomError } from './parse-zoom-error';

/** What the transport factory needs; the secret stays in the closure that holds this object. */
export interface ZoomConnection {
  accountId: string;
  clientId: string;
  clientSecret: string;
  baseUrl: string;
  oauthUrl: string;
  rateLimits: ZoomRateLimits;
}

function mergeRateLimits(
  defaults: ZoomRateLimits,
  overrides: TransportSettings['rateLimit'],
): number | Record<string, number> {
  // A single number from the client settings is one budget shared by every request, whatever its label.
  if (typeof overrides === 'number') return overrides;
  return { ...defaults, ...overrides };
}

/**
 * Builds the Zoom transport: Server-to-Server OAuth, labelled rate limits, Zoom's error bodies and tracking id. The
 * Commerce mode passes its own `parseError`, which also reads business errors inside successful answers.
 */
export function createZoomTransport(
  connection: ZoomConnection,
  settings: TransportSettings,
  parseError: ErrorParser = parseZoomError,
): HttpTransport {
  return createHttpTransport({
    // Every client setting (timeout, response cap, retries, user agent, body events) reaches the transport by name,
    // including settings added after this adapter was written; only the rate limits are merged over Zoom's own.
    ...settings,
    rateLimit: mergeRateLimits(connection.rateLimits, settings.rateLimit),
    baseURL: connection.baseUrl,
    platform: 'zoom',
    auth: oauth2ClientCredentials({
      tokenUrl: connection.oauthUrl,
      clientId: connection.clientId,
      clientSecret: connection.clientSecret,
      grantType: 'account_credentials',
      params: { account_id: connection.accountId },
      credentialsIn: 'basic',
      // The token endpoint is not counted against the API's rate-limit labels.
      category: 'oauth',
    }),
    // Zoom has no idempotency key; provisioning resolves ambiguous writes by reading instead.
    idempotencyHeader: null,
    requestIdHeader: 'x-zm-trackingid',
    parseError,
  });
}

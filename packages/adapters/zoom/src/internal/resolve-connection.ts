import { ConfigurationError } from '@channelkit/core';
import {
  ZOOM_DEFAULT_BASE_URL,
  ZOOM_DEFAULT_OAUTH_URL,
  ZOOM_DEFAULT_RATE_LIMITS,
  type ZoomOptions,
} from '../zoom-options';
import type { ZoomConnection } from './create-transport';

const CREDENTIALS = [
  ['accountId', 'ZOOM_ACCOUNT_ID'],
  ['clientId', 'ZOOM_CLIENT_ID'],
  ['clientSecret', 'ZOOM_CLIENT_SECRET'],
] as const;

/** URL options and the environment variables they fall back to, e.g. to point `zoom()` at the sandbox. */
const URLS = [
  ['baseUrl', 'ZOOM_API_URL'],
  ['oauthUrl', 'ZOOM_OAUTH_URL'],
] as const;

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** Options over environment variables over defaults; throws when a credential is missing. */
export function resolveConnection(options: ZoomOptions, env: NodeJS.ProcessEnv): ZoomConnection {
  const [accountId, clientId, clientSecret] = CREDENTIALS.map(([option, variable]) => {
    const value = options[option] ?? env[variable];
    if (value === undefined || value.trim() === '') {
      throw new ConfigurationError({ option, env: variable });
    }
    return value.trim();
  }) as [string, string, string];
  const rateLimits = { ...ZOOM_DEFAULT_RATE_LIMITS, ...options.rateLimits };
  for (const [label, value] of Object.entries(rateLimits)) {
    if (!isPositive(value)) {
      throw new ConfigurationError({
        option: `rateLimits.${label}`,
        problem: `must be a positive number of requests per second (got ${String(value)})`,
      });
    }
  }
  const [baseUrl, oauthUrl] = URLS.map(([option, variable]) => {
    const value = options[option] ?? env[variable]?.trim();
    return value === undefined || value === '' ? undefined : value;
  });
  return {
    accountId,
    clientId,
    clientSecret,
    baseUrl: (baseUrl ?? ZOOM_DEFAULT_BASE_URL).replace(/\/+$/, ''),
    oauthUrl: oauthUrl ?? ZOOM_DEFAULT_OAUTH_URL,
    rateLimits,
  };
}

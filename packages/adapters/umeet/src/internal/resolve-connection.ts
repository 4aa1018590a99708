import { ConfigurationError } from '@channelkit/core';
import {
  UMEET_DEFAULT_BASE_URL,
  UMEET_DEFAULT_MAX_STATUS_POLLS,
  UMEET_DEFAULT_PLAN,
  UMEET_DEFAULT_PROVISIONING_TIMEOUT_MS,
  UMEET_DEFAULT_RATE_LIMITS,
  UMEET_DEFAULT_TOKEN_URL,
  type UmeetOptions,
  type UmeetRateLimits,
} from '../umeet-options';

/** Everything the adapter is built from; the secret stays in the closures that hold this object. */
export interface UmeetConnection {
  clientId: string;
  clientSecret: string;
  baseUrl: string;
  tokenUrl: string;
  rateLimits: UmeetRateLimits;
  defaultPlan: string;
  provisioningTimeoutMs: number;
  maxStatusPolls: number;
}

const CREDENTIALS = [
  ['clientId', 'UMEET_CLIENT_ID'],
  ['clientSecret', 'UMEET_CLIENT_SECRET'],
] as const;

const URLS = [
  ['baseUrl', 'UMEET_API_URL', UMEET_DEFAULT_BASE_URL],
  ['tokenUrl', 'UMEET_TOKEN_URL', UMEET_DEFAULT_TOKEN_URL],
] as const;

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function absoluteUrl(value: string, option: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError({
      option,
      problem: `must be an absolute http(s) URL (got ${JSON.stringify(value)})`,
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigurationError({
      option,
      problem: `must be an http(s) URL (got ${JSON.stringify(value)})`,
    });
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new ConfigurationError({
      option,
      problem: 'must not carry credentials, a query or a fragment: give the credentials as options',
    });
  }
  return value.replace(/\/+$/, '');
}

/** Options over environment variables over defaults; throws `ConfigurationError` naming the option to fix. */
export function resolveConnection(options: UmeetOptions, env: NodeJS.ProcessEnv): UmeetConnection {
  const [clientId, clientSecret] = CREDENTIALS.map(([option, variable]) => {
    const value = options[option] ?? env[variable];
    if (value === undefined || value.trim() === '') throw new ConfigurationError({ option, env: variable });
    return value.trim();
  }) as [string, string];
  const [baseUrl, tokenUrl] = URLS.map(([option, variable, fallback]) => {
    const given = options[option] ?? env[variable]?.trim();
    return absoluteUrl(given === undefined || given === '' ? fallback : given, option);
  }) as [string, string];
  const rateLimits = { ...UMEET_DEFAULT_RATE_LIMITS, ...options.rateLimits };
  for (const [category, value] of Object.entries(rateLimits)) {
    if (!isPositive(value)) {
      throw new ConfigurationError({
        option: `rateLimits.${category}`,
        problem: `must be a positive number of requests per second (got ${String(value)})`,
      });
    }
  }
  const provisioningTimeoutMs = options.provisioningTimeoutMs ?? UMEET_DEFAULT_PROVISIONING_TIMEOUT_MS;
  if (!isPositive(provisioningTimeoutMs) || provisioningTimeoutMs > 2_147_483_647) {
    throw new ConfigurationError({
      option: 'provisioningTimeoutMs',
      problem: `must be a positive number of milliseconds up to 2147483647 (got ${String(provisioningTimeoutMs)})`,
    });
  }
  const maxStatusPolls = options.maxStatusPolls ?? UMEET_DEFAULT_MAX_STATUS_POLLS;
  if (!Number.isSafeInteger(maxStatusPolls) || maxStatusPolls < 1) {
    throw new ConfigurationError({
      option: 'maxStatusPolls',
      problem: `must be a positive whole number (got ${String(maxStatusPolls)})`,
    });
  }
  const defaultPlan = options.defaultPlan ?? UMEET_DEFAULT_PLAN;
  if (defaultPlan.trim() === '' || defaultPlan.length > 64) {
    throw new ConfigurationError({
      option: 'defaultPlan',
      problem: 'must be a plan code of 1 to 64 characters',
    });
  }
  return {
    clientId,
    clientSecret,
    baseUrl,
    tokenUrl,
    rateLimits,
    defaultPlan,
    provisioningTimeoutMs,
    maxStatusPolls,
  };
}

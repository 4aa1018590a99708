import { ConfigurationError } from '@channelkit/core';
import {
  ZHUMU_DEFAULT_BASE_URL,
  ZHUMU_DEFAULT_PATH_PREFIX,
  ZHUMU_DEFAULT_RATE_LIMITS,
  type ZhumuOptions,
  type ZhumuRateLimits,
} from '../zhumu-options';
import type { CredentialSource } from './credentials-auth';

/** What the transport factory needs; the secret stays in the closure that holds this object. */
export interface ZhumuConnection {
  /** The key and secret, or where to get them. */
  credentials: CredentialSource;
  /** The API's URL with the path prefix, without a trailing slash, e.g. `https://api.zhumu.me/v3`. */
  apiUrl: string;
  /** Requests per minute per category. */
  rateLimits: ZhumuRateLimits;
  /** The API key when known up front: it separates idempotency keys of two partner keys sharing a store. */
  apiKey: string | undefined;
}

function fromEnv(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function credentialSource(options: ZhumuOptions, env: NodeJS.ProcessEnv): CredentialSource {
  if (options.credentials !== undefined) {
    if (typeof options.credentials !== 'function') {
      throw new ConfigurationError({
        option: 'credentials',
        problem: 'must be a function returning { apiKey, apiSecret } (or a promise of it)',
      });
    }
    if (options.apiKey !== undefined || options.apiSecret !== undefined) {
      throw new ConfigurationError({
        option: 'credentials',
        problem: 'cannot be combined with apiKey or apiSecret: give either the provider or the two values',
      });
    }
    return { kind: 'provider', load: options.credentials };
  }
  const [apiKey, apiSecret] = (
    [
      ['apiKey', 'ZHUMU_API_KEY'],
      ['apiSecret', 'ZHUMU_API_SECRET'],
    ] as const
  ).map(([option, variable]) => {
    const value = options[option] ?? env[variable];
    if (value === undefined || value.trim() === '') throw new ConfigurationError({ option, env: variable });
    return value.trim();
  }) as [string, string];
  return { kind: 'static', credentials: { apiKey, apiSecret } };
}

function pathPrefixOf(options: ZhumuOptions, env: NodeJS.ProcessEnv): string {
  const raw = options.pathPrefix ?? fromEnv(env.ZHUMU_PATH_PREFIX) ?? ZHUMU_DEFAULT_PATH_PREFIX;
  const prefix = raw.trim().replace(/\/+$/, '');
  const dotSegment = prefix.split('/').some((segment) => segment === '.' || segment === '..');
  if (dotSegment || (prefix !== '' && !/^(\/[A-Za-z0-9._~-]+)+$/.test(prefix))) {
    throw new ConfigurationError({
      option: 'pathPrefix',
      env: 'ZHUMU_PATH_PREFIX',
      problem: `must be empty or a path such as '/v3' (segments of letters, digits, '.', '_', '~', '-'; no '.' or '..' segment), got ${JSON.stringify(raw)}`,
    });
  }
  return prefix;
}

function baseUrlOf(options: ZhumuOptions, env: NodeJS.ProcessEnv): string {
  const raw = options.baseUrl ?? fromEnv(env.ZHUMU_API_URL) ?? ZHUMU_DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigurationError({
      option: 'baseUrl',
      env: 'ZHUMU_API_URL',
      problem: `must be an absolute http(s) URL such as 'https://api.zhumu.me', got ${JSON.stringify(raw)}`,
    });
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '') {
    throw new ConfigurationError({
      option: 'baseUrl',
      env: 'ZHUMU_API_URL',
      problem: `must be an http(s) URL without query or fragment, got ${JSON.stringify(raw)}`,
    });
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** Options over environment variables over defaults; throws `ConfigurationError` for what is missing or wrong. */
export function resolveConnection(options: ZhumuOptions, env: NodeJS.ProcessEnv): ZhumuConnection {
  const credentials = credentialSource(options, env);
  const rateLimits = { ...ZHUMU_DEFAULT_RATE_LIMITS, ...options.rateLimits };
  for (const [category, value] of Object.entries(rateLimits)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new ConfigurationError({
        option: `rateLimits.${category}`,
        problem: `must be a positive number of requests per minute (got ${String(value)})`,
      });
    }
  }
  return {
    credentials,
    apiUrl: baseUrlOf(options, env) + pathPrefixOf(options, env),
    rateLimits,
    apiKey: credentials.kind === 'static' ? credentials.credentials.apiKey : undefined,
  };
}

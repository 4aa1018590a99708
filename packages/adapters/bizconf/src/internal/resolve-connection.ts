import { ConfigurationError } from '@channelkit/core';
import {
  BIZCONF_DEFAULT_PATH_PREFIX,
  BIZCONF_DEFAULT_PLAN,
  BIZCONF_DEFAULT_PROVISIONING,
  BIZCONF_DEFAULT_RATE_LIMITS,
  type BizconfOptions,
  type BizconfRateLimits,
} from '../bizconf-options';
import type { BizconfScope } from './request';

/** What the transport factory needs; the secret stays in the closure that holds this object. */
export interface BizconfConnection {
  appId: string;
  appSecret: string;
  /** Base URL and path prefix, without a trailing slash. */
  apiUrl: string;
  rateLimits: BizconfRateLimits;
}

const APP_ID = /^[A-Za-z0-9_-]{1,64}$/;
const LONGEST_WAIT_MS = 86_400_000;

function fromEnv(value: string | undefined, variable: string, env: NodeJS.ProcessEnv): string | undefined {
  const chosen = value ?? env[variable];
  const trimmed = chosen?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function required(value: string | undefined, option: string, env: string, hint = ''): string {
  if (value === undefined) {
    throw new ConfigurationError({
      option,
      env,
      message: `${option} is missing: pass the ${option} option or set the ${env} environment variable${hint}`,
    });
  }
  return value;
}

function positive(value: number, option: string, max: number, integer = false): number {
  if (!Number.isFinite(value) || value <= 0 || value > max || (integer && !Number.isInteger(value))) {
    throw new ConfigurationError({
      option,
      problem: `must be a positive ${integer ? 'whole number' : 'number'} up to ${max} (got ${String(value)})`,
    });
  }
  return value;
}

/** Options over environment variables over defaults; throws `ConfigurationError` naming what is missing or wrong. */
export function resolveConnection(
  options: BizconfOptions,
  env: NodeJS.ProcessEnv,
): { connection: BizconfConnection; scope: BizconfScope } {
  const appId = required(fromEnv(options.appId, 'BIZCONF_APP_ID', env), 'appId', 'BIZCONF_APP_ID');
  if (!APP_ID.test(appId)) {
    throw new ConfigurationError({ option: 'appId', problem: 'must be 1 to 64 letters, digits, _ or -' });
  }
  const appSecret = required(
    fromEnv(options.appSecret, 'BIZCONF_APP_SECRET', env),
    'appSecret',
    'BIZCONF_APP_SECRET',
  );
  const baseUrl = required(
    fromEnv(options.baseUrl, 'BIZCONF_BASE_URL', env),
    'baseUrl',
    'BIZCONF_BASE_URL',
    ' to the API host Bizconf gave you with your partner agreement (Bizconf publishes none)',
  );
  if (!/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/i.test(baseUrl)) {
    throw new ConfigurationError({
      option: 'baseUrl',
      problem: `must be an absolute http(s) URL without query or fragment (got ${baseUrl})`,
    });
  }
  const prefix = fromEnv(options.pathPrefix, 'BIZCONF_PATH_PREFIX', env) ?? BIZCONF_DEFAULT_PATH_PREFIX;
  if (!/^(\/[^/?#\s]+)*\/?$/.test(prefix)) {
    throw new ConfigurationError({
      option: 'pathPrefix',
      problem: `must be a path such as '/openapi/v1', starting with '/' (got ${prefix})`,
    });
  }
  const rateLimits = { ...BIZCONF_DEFAULT_RATE_LIMITS, ...options.rateLimits };
  for (const [category, value] of Object.entries(rateLimits)) {
    positive(value, `rateLimits.${category}`, 100_000);
  }
  const polling = { ...BIZCONF_DEFAULT_PROVISIONING };
  for (const [name, value] of Object.entries(options.provisioning ?? {})) {
    if (value === undefined || !(name in polling)) continue;
    const key = name as keyof typeof polling;
    polling[key] = positive(
      value,
      `provisioning.${name}`,
      key === 'maxPolls' ? 1_000 : LONGEST_WAIT_MS,
      key === 'maxPolls',
    );
  }
  if (polling.pollIntervalMs > polling.maxPollIntervalMs) {
    throw new ConfigurationError({
      option: 'provisioning.pollIntervalMs',
      problem: `must not exceed provisioning.maxPollIntervalMs (${polling.maxPollIntervalMs})`,
    });
  }
  const apiUrl = `${baseUrl.replace(/\/+$/, '')}${prefix.replace(/\/+$/, '')}`;
  const defaultPlan = options.defaultPlan ?? BIZCONF_DEFAULT_PLAN;
  if (defaultPlan.trim() === '')
    throw new ConfigurationError({ option: 'defaultPlan', problem: 'must not be empty' });
  return {
    connection: { appId, appSecret, apiUrl, rateLimits },
    scope: { apiUrl, appId, defaultPlan, provisioning: polling },
  };
}

/** Requests per second for each of the rate-limit categories of the Bizconf contract. */
export interface BizconfRateLimits {
  /** Reads: enterprises, licences, task polls. */
  query: number;
  /** Writes: create, freeze, unfreeze, cancel, seat changes. */
  write: number;
}

/**
 * How `accounts.provision` waits for Bizconf's asynchronous provisioning task: it polls the task after
 * `pollIntervalMs`, doubles the wait after every poll up to `maxPollIntervalMs`, and stops after `maxPolls` polls or
 * `timeoutMs`, whichever comes first (with the defaults: polls after 1, 2, 4, 8, 8... seconds, at most 30 polls in
 * 120 seconds).
 */
export interface BizconfProvisioningOptions {
  /** Wait before the first poll, in milliseconds. @default 1000 */
  pollIntervalMs?: number | undefined;
  /** Longest wait between two polls, in milliseconds. @default 8000 */
  maxPollIntervalMs?: number | undefined;
  /** How long provisioning may take in all, from the create request to the finished task, in milliseconds. @default 120000 */
  timeoutMs?: number | undefined;
  /** The most task polls one provisioning makes. @default 30 */
  maxPolls?: number | undefined;
}

/**
 * Options of {@link bizconf}. Bizconf issues each partner an application (`appId` and `appSecret`) and the host of
 * its API with the partner agreement; each one falls back to its environment variable (`BIZCONF_APP_ID`,
 * `BIZCONF_APP_SECRET`, `BIZCONF_BASE_URL`, `BIZCONF_PATH_PREFIX`), which is how `channelkit-sandbox run` points an
 * unchanged program at the sandbox.
 */
export interface BizconfOptions {
  /** The partner application's id, sent in `X-Bizconf-App-Id`. @default process.env.BIZCONF_APP_ID */
  appId?: string | undefined;
  /** The application secret, the key of every request signature; never sent, never printed. @default process.env.BIZCONF_APP_SECRET */
  appSecret?: string | undefined;
  /**
   * The API host Bizconf gave you, e.g. `https://openapi.example.com` (there is no public default).
   * @default process.env.BIZCONF_BASE_URL
   */
  baseUrl?: string | undefined;
  /** Path of the API below `baseUrl`. @default process.env.BIZCONF_PATH_PREFIX, else '/openapi/v1' */
  pathPrefix?: string | undefined;
  /** Requests per second per category, merged over {@link BIZCONF_DEFAULT_RATE_LIMITS}. */
  rateLimits?: Partial<BizconfRateLimits> | undefined;
  /** Plan code used when a provision input names none. @default 'STANDARD' */
  defaultPlan?: string | undefined;
  /** How provisioning waits for Bizconf's task; see {@link BizconfProvisioningOptions}. */
  provisioning?: BizconfProvisioningOptions | undefined;
}

/** The path prefix of the Bizconf contract v1. */
export const BIZCONF_DEFAULT_PATH_PREFIX = '/openapi/v1';

/** The contract's per-application limits, in requests per second: `query` 20, `write` 5. */
export const BIZCONF_DEFAULT_RATE_LIMITS: Readonly<BizconfRateLimits> = Object.freeze({
  query: 20,
  write: 5,
});

/** The plan used when a provision input names none. */
export const BIZCONF_DEFAULT_PLAN = 'STANDARD';

/** How provisioning polls by default: after 1, 2, 4, 8, 8... seconds, at most 30 polls in 120 seconds. */
export const BIZCONF_DEFAULT_PROVISIONING: Readonly<{
  [Option in keyof BizconfProvisioningOptions]-?: number;
}> = Object.freeze({
  pollIntervalMs: 1000,
  maxPollIntervalMs: 8000,
  timeoutMs: 120_000,
  maxPolls: 30,
});

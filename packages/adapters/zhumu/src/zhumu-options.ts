/** Requests per minute for each of Zhumu's rate-limit categories, counted per partner API key. */
export interface ZhumuRateLimits {
  /** Reads (`enterprise/get`, `enterprise/list`, `enterprise/licence/get`), requests per minute. */
  read: number;
  /** Writes (`enterprise/create`, `suspend`, `resume`, `cancel`, `licence/set`), requests per minute. */
  write: number;
}

/** A partner API key and secret, as a credential provider returns them. */
export interface ZhumuCredentials {
  /** The partner API key (`api_key`). */
  apiKey: string;
  /** The partner API secret (`api_secret`); never printed. */
  apiSecret: string;
}

/**
 * Options of {@link zhumu}. Each credential and URL falls back to its environment variable (`ZHUMU_API_KEY`,
 * `ZHUMU_API_SECRET`, `ZHUMU_API_URL`, `ZHUMU_PATH_PREFIX`), which is how `channelkit-sandbox run` points an
 * unchanged program at the sandbox.
 */
export interface ZhumuOptions {
  /** The partner API key, sent as the `api_key` form field. @default process.env.ZHUMU_API_KEY */
  apiKey?: string | undefined;
  /**
   * The partner API secret, sent as the `api_secret` form field of every request; never printed, and redacted from
   * every error, event and log. @default process.env.ZHUMU_API_SECRET
   */
  apiSecret?: string | undefined;
  /**
   * Where the key and secret come from when they rotate (e.g. a secrets manager), instead of `apiKey`/`apiSecret`.
   * Called for the first request, and again after Zhumu refused the credentials (code 101), so a rotated secret is
   * picked up without a restart; the refused request is then repeated once.
   */
  credentials?: (() => ZhumuCredentials | Promise<ZhumuCredentials>) | undefined;
  /**
   * The API's origin, without the path prefix.
   * @default process.env.ZHUMU_API_URL, else 'https://api.zhumu.me'
   */
  baseUrl?: string | undefined;
  /**
   * The path prefix of the API version, put before every endpoint path (`''` for none).
   * @default process.env.ZHUMU_PATH_PREFIX, else '/v3'
   */
  pathPrefix?: string | undefined;
  /**
   * Requests per minute per category, merged over {@link ZHUMU_DEFAULT_RATE_LIMITS}. Zhumu counts them per API key:
   * processes sharing a key share these numbers by giving their clients one `sharedRateLimit`.
   */
  rateLimits?: Partial<ZhumuRateLimits> | undefined;
  /** Plan code used when a provision input names none. @default 'business' */
  defaultPlan?: string | undefined;
}

/** Zhumu's limits per API key (channelkit's Zhumu contract v1): 600 reads and 120 writes per minute. */
export const ZHUMU_DEFAULT_RATE_LIMITS: Readonly<ZhumuRateLimits> = Object.freeze({
  read: 600,
  write: 120,
});

/** Zhumu's API origin. */
export const ZHUMU_DEFAULT_BASE_URL = 'https://api.zhumu.me';

/** The path prefix of Zhumu's API version 3. */
export const ZHUMU_DEFAULT_PATH_PREFIX = '/v3';

/** The plan used when none is given: `business`, billed monthly, without a seat limit. */
export const ZHUMU_DEFAULT_PLAN = 'business';

import type { BizconfOptions } from '@channelkit/bizconf';
import type { UmeetOptions } from '@channelkit/umeet';
import type { ZhumuOptions } from '@channelkit/zhumu';
import type { ZoomCommerceOptions, ZoomOptions } from '@channelkit/zoom';

/**
 * Zoom's section of a configuration file (Master Account mode): the options of `zoom()` the command line passes on.
 * Each credential and URL may come from its environment variable instead (`ZOOM_ACCOUNT_ID`, `ZOOM_CLIENT_ID`,
 * `ZOOM_CLIENT_SECRET`, `ZOOM_API_URL`, `ZOOM_OAUTH_URL`), which wins over the file.
 */
export type ZoomPartnerConfig = Pick<
  ZoomOptions,
  'accountId' | 'clientId' | 'clientSecret' | 'baseUrl' | 'oauthUrl' | 'rateLimits' | 'defaultPlan'
>;

/**
 * Zoom's Partner Commerce mode: the options of `zoomCommerce()` the command line passes on. Its section,
 * `partners["zoom-commerce"]`, chooses this mode (it reads the same `ZOOM_*` variables as the Master Account mode,
 * and `ZOOM_COMMERCE_API_URL`, `ZOOM_COMMERCE_SALES_REP`).
 */
export type ZoomCommercePartnerConfig = Pick<
  ZoomCommerceOptions,
  | 'accountId'
  | 'clientId'
  | 'clientSecret'
  | 'baseUrl'
  | 'oauthUrl'
  | 'salesRepContactCrmNumber'
  | 'rateLimits'
  | 'currency'
  | 'defaultPlan'
  | 'term'
  | 'autoRenew'
>;

/** Bizconf's section: the options of `bizconf()` (or `BIZCONF_APP_ID`, `BIZCONF_APP_SECRET`, `BIZCONF_BASE_URL`, `BIZCONF_PATH_PREFIX`). */
export type BizconfPartnerConfig = Pick<
  BizconfOptions,
  'appId' | 'appSecret' | 'baseUrl' | 'pathPrefix' | 'rateLimits' | 'defaultPlan'
>;

/** Suirui Zhumu's section: the options of `zhumu()` (or `ZHUMU_API_KEY`, `ZHUMU_API_SECRET`, `ZHUMU_API_URL`, `ZHUMU_PATH_PREFIX`). */
export type ZhumuPartnerConfig = Pick<
  ZhumuOptions,
  'apiKey' | 'apiSecret' | 'baseUrl' | 'pathPrefix' | 'rateLimits' | 'defaultPlan'
>;

/** Systec Umeet's section: the options of `umeet()` (or `UMEET_CLIENT_ID`, `UMEET_CLIENT_SECRET`, `UMEET_API_URL`, `UMEET_TOKEN_URL`). */
export type UmeetPartnerConfig = Pick<
  UmeetOptions,
  'clientId' | 'clientSecret' | 'baseUrl' | 'tokenUrl' | 'rateLimits' | 'defaultPlan'
>;

/** The platforms of a configuration file, by section name: the partner id, or `zoom-commerce` for Zoom's other mode. */
export interface PartnersConfig {
  /** Zoom (Master Account). */
  zoom?: ZoomPartnerConfig | undefined;
  /** Zoom (Partner Commerce), instead of `zoom`. */
  'zoom-commerce'?: ZoomCommercePartnerConfig | undefined;
  /** Bizconf. */
  bizconf?: BizconfPartnerConfig | undefined;
  /** Suirui Zhumu. */
  zhumu?: ZhumuPartnerConfig | undefined;
  /** Systec Umeet. */
  umeet?: UmeetPartnerConfig | undefined;
}

/**
 * The settings of the `channelkit` command line, as `channelkit.config.json`, `.mjs`, `.js` or `.ts` holds them.
 * Every field is optional: a platform whose environment variables are set needs no section here.
 */
export interface ChannelkitConfig {
  /** Per-platform options, e.g. `{ zoom: { accountId: '…', rateLimits: { heavy: 20 } } }`. */
  partners?: PartnersConfig | undefined;
  /**
   * The state file of `licences apply` and `accounts provision` (the journal of settled actions and of idempotency
   * keys), relative to the configuration file. @default '.channelkit/state.journal'
   */
  state?: string | undefined;
  /** Accounts read or changed at once per platform by `licences plan` and `licences apply`. @default 16 */
  concurrency?: number | undefined;
  /** Per-attempt timeout of every request, in milliseconds. @default 30000 */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt, for failures that are safe to retry. @default 3 */
  maxRetries?: number | undefined;
}

/**
 * Types a configuration file written in JavaScript or TypeScript: returns its argument unchanged, so that an editor
 * checks and completes it.
 * @example
 * // channelkit.config.mjs
 * import { defineConfig } from '@channelkit/cli';
 *
 * export default defineConfig({
 *   partners: { zoom: { rateLimits: { heavy: 20 } } },
 *   concurrency: 8,
 * });
 */
export function defineConfig(config: ChannelkitConfig): ChannelkitConfig {
  return config;
}

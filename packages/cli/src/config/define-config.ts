import type { ZoomOptions } from '@channelkit/zoom';

/**
 * Zoom's section of a configuration file: the options of `zoom()` the command line passes on. Each credential and URL
 * may come from its environment variable instead (`ZOOM_ACCOUNT_ID`, `ZOOM_CLIENT_ID`, `ZOOM_CLIENT_SECRET`,
 * `ZOOM_API_URL`, `ZOOM_OAUTH_URL`), which wins over the file.
 */
export type ZoomPartnerConfig = Pick<
  ZoomOptions,
  'accountId' | 'clientId' | 'clientSecret' | 'baseUrl' | 'oauthUrl' | 'rateLimits' | 'defaultPlan'
>;

/** The platforms of a configuration file, by partner id. */
export interface PartnersConfig {
  /** Zoom (Master Account). */
  zoom?: ZoomPartnerConfig | undefined;
  /** Another platform the command line knows, by its partner id: the options of its adapter factory. */
  [partner: string]: Readonly<Record<string, unknown>> | undefined;
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

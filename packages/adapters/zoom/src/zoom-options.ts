/** Requests per second for each of Zoom's rate-limit labels. */
export interface ZoomRateLimits {
  /** Requests per second for endpoints labelled Light (e.g. `POST /accounts`). */
  light: number;
  /** Requests per second for endpoints labelled Medium (e.g. `GET /accounts`). */
  medium: number;
  /** Requests per second for endpoints labelled Heavy (e.g. `PUT /accounts/{id}/plans/base`). */
  heavy: number;
}

/**
 * Options of {@link zoom}. Credentials of a Server-to-Server OAuth app on the master account; each one, and each URL,
 * falls back to its environment variable (`ZOOM_ACCOUNT_ID`, `ZOOM_CLIENT_ID`, `ZOOM_CLIENT_SECRET`, `ZOOM_API_URL`,
 * `ZOOM_OAUTH_URL`), which is how `channelkit-sandbox run` points an unchanged program at the sandbox.
 */
export interface ZoomOptions {
  /** The master account's id. @default process.env.ZOOM_ACCOUNT_ID */
  accountId?: string | undefined;
  /** The Server-to-Server OAuth app's client id. @default process.env.ZOOM_CLIENT_ID */
  clientId?: string | undefined;
  /** The Server-to-Server OAuth app's client secret; never printed. @default process.env.ZOOM_CLIENT_SECRET */
  clientSecret?: string | undefined;
  /**
   * API base URL, e.g. a regional cluster or the sandbox.
   * @default process.env.ZOOM_API_URL, else 'https://api.zoom.us/v2'
   */
  baseUrl?: string | undefined;
  /**
   * OAuth token endpoint.
   * @default process.env.ZOOM_OAUTH_URL, else 'https://zoom.us/oauth/token'
   */
  oauthUrl?: string | undefined;
  /**
   * Secret token of the app's webhook subscription, for `client.webhooks`; several (newest first) while you rotate
   * it. Never printed. @default process.env.ZOOM_WEBHOOK_SECRET_TOKEN
   */
  webhookSecretToken?: string | readonly string[] | undefined;
  /**
   * Requests per second per rate-limit label, merged over {@link ZOOM_DEFAULT_RATE_LIMITS} (Business+ plan).
   * Lower them for Pro masters (30/20/10).
   */
  rateLimits?: Partial<ZoomRateLimits> | undefined;
  /** Base plan type used when a provision input has seats but no `plan`. @default 'business_monthly' */
  defaultPlan?: string | undefined;
}

/** Zoom's Business+ limits (which include partner masters), in requests per second: Light 80, Medium 60, Heavy 40. */
export const ZOOM_DEFAULT_RATE_LIMITS: Readonly<ZoomRateLimits> = Object.freeze({
  light: 80,
  medium: 60,
  heavy: 40,
});

/** Zoom's production API base URL. */
export const ZOOM_DEFAULT_BASE_URL = 'https://api.zoom.us/v2';

/** Zoom's OAuth token endpoint. */
export const ZOOM_DEFAULT_OAUTH_URL = 'https://zoom.us/oauth/token';

/** The base plan type used when none is given. */
export const ZOOM_DEFAULT_PLAN = 'business_monthly';

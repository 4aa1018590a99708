import type { ZoomRateLimits } from '../zoom-options';

/** A subscription term as Zoom's orders carry it (`initial_term`). */
export interface ZoomCommerceTerm {
  /** `'TERMED'` (a fixed term of `months`) or `'EVERGREEN'` (open-ended). @default 'TERMED' */
  type: 'TERMED' | 'EVERGREEN';
  /** Length of a `TERMED` term in months. @default 12 */
  months?: number | undefined;
}

/**
 * Options of {@link zoomCommerce}. The credentials are those of `zoom()` (a Server-to-Server OAuth app with Zoom's
 * Commerce scopes) and fall back to the same environment variables, `ZOOM_ACCOUNT_ID`, `ZOOM_CLIENT_ID`,
 * `ZOOM_CLIENT_SECRET` and `ZOOM_OAUTH_URL`; the API URL has its own, `ZOOM_COMMERCE_API_URL`, because Zoom gives
 * Commerce separate sandbox and production base URLs.
 */
export interface ZoomCommerceOptions {
  /** The partner's Zoom account id. @default process.env.ZOOM_ACCOUNT_ID */
  accountId?: string | undefined;
  /** The Server-to-Server OAuth app's client id. @default process.env.ZOOM_CLIENT_ID */
  clientId?: string | undefined;
  /** The Server-to-Server OAuth app's client secret; never printed. @default process.env.ZOOM_CLIENT_SECRET */
  clientSecret?: string | undefined;
  /**
   * Commerce API base URL: Zoom's production URL, or the Commerce sandbox URL Zoom gives its partners.
   * @default process.env.ZOOM_COMMERCE_API_URL, else 'https://api.zoom.us/v2'
   */
  baseUrl?: string | undefined;
  /** OAuth token endpoint. @default process.env.ZOOM_OAUTH_URL, else 'https://zoom.us/oauth/token' */
  oauthUrl?: string | undefined;
  /** Requests per second per rate-limit label, merged over Zoom's Business+ limits (Light 80, Medium 60, Heavy 40). */
  rateLimits?: Partial<ZoomRateLimits> | undefined;
  /** ISO 4217 currency of the end customers created and the subscriptions ordered. @default 'USD' */
  currency?: string | undefined;
  /**
   * The offer price list (`offer_price_list_id` of Zoom's catalog) ordered when a provision input has seats but no
   * `plan`. It must be a base plan. Without it, provisioning with seats needs `plan`.
   */
  defaultPlan?: string | undefined;
  /** Term of the subscriptions ordered at provisioning. @default { type: 'TERMED', months: 12 } */
  term?: ZoomCommerceTerm | undefined;
  /** Whether those subscriptions renew by themselves. @default true */
  autoRenew?: boolean | undefined;
  /**
   * The contact CRM number of your sales representative, which every deal registration cites
   * (`sales_rep_contact_crm_number`): one of your own account's contacts at Zoom.
   * @default process.env.ZOOM_COMMERCE_SALES_REP
   */
  salesRepContactCrmNumber?: string | undefined;
  /** The `opportunity_type` of deal registrations. @default 'Indirect Reseller Registration' */
  opportunityType?: string | undefined;
  /**
   * How long provisioning (and `referrals.submit`, when it creates the customer) follows an end-customer creation
   * that Zoom answered as pending, in milliseconds, before it stops with a `PartiallyAppliedError` to resume later.
   * @default 60000
   */
  accountCreationTimeoutMs?: number | undefined;
  /**
   * Secret token of the app's webhook subscription, for `client.webhooks`; several (newest first) while you rotate
   * it. Never printed. @default process.env.ZOOM_WEBHOOK_SECRET_TOKEN
   */
  webhookSecretToken?: string | readonly string[] | undefined;
}

/** Zoom's Commerce API base URL in production (Zoom gives partners a separate sandbox URL). */
export const ZOOM_COMMERCE_DEFAULT_BASE_URL = 'https://api.zoom.us/v2';

/** The term ordered when none is given: 12 months. */
export const ZOOM_COMMERCE_DEFAULT_TERM: Readonly<ZoomCommerceTerm> = Object.freeze({
  type: 'TERMED',
  months: 12,
});

/** The `opportunity_type` of deal registrations when none is given. */
export const ZOOM_COMMERCE_DEFAULT_OPPORTUNITY_TYPE = 'Indirect Reseller Registration';

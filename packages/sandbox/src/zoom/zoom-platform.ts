import type { RenderableFault } from '../platform/platform-fault';
import type { SandboxPlatform, SandboxPlatformContext } from '../platform/sandbox-platform';
import type { SandboxRequest, SandboxRoute } from '../platform/sandbox-request';
import type { ZoomSandboxOptions } from '../sandbox-options';
import { observeZoomChange } from '../webhooks/zoom-webhook-events';
import { zoomWebhookScheme } from '../webhooks/zoom-webhook-scheme';
import { matchZoomRoute, type ZoomLabel } from './zoom-api';
import type { ZoomSandboxControls } from './zoom-controls';
import {
  ZOOM_API_BASE_URL,
  ZOOM_BUSINESS_RATE_LIMITS,
  ZOOM_OAUTH_URL,
  ZOOM_SANDBOX_CREDENTIALS,
} from './zoom-defaults';
import { zoomOAuthToken } from './zoom-oauth';
import { rateLimited, zoomError } from './zoom-responses';
import { ZoomStore } from './zoom-store';

const LABELS = { light: 'Light', medium: 'Medium', heavy: 'Heavy' } as const;
const SERVER_ERRORS = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
} as const;

function isLabel(category: string | undefined): category is ZoomLabel {
  return category === 'light' || category === 'medium' || category === 'heavy';
}

function bearer(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1];
}

function createZoom(context: SandboxPlatformContext, options: ZoomSandboxOptions) {
  const store = new ZoomStore({
    credentials: { ...ZOOM_SANDBOX_CREDENTIALS, ...options.credentials },
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    now: context.now,
    random: context.random,
    pendingAccountLookups: options.commerce?.pendingAccountLookups,
  });
  let tracking = 0;

  // Every Zoom answer, errors and faults included, carries a tracking id.
  const tracked = (response: Response): Response => {
    response.headers.set(
      'x-zm-trackingid',
      `v=2.0;clid=sandbox;rid=WEB_${(++tracking).toString(16).padStart(32, '0')}`,
    );
    return response;
  };

  const renderFault = (fault: RenderableFault, { request }: SandboxRequest): Response => {
    switch (fault.kind) {
      case 'rate_limit': {
        const label = isLabel(fault.category) ? fault.category : undefined;
        const limit = label && (fault.limit ?? ZOOM_BUSINESS_RATE_LIMITS[label]);
        return tracked(rateLimited(label && LABELS[label], limit, fault.retryAfterSeconds));
      }
      case 'server_error':
        return tracked(zoomError(fault.status, fault.status, SERVER_ERRORS[fault.status]));
      case 'token_expired': {
        const token = bearer(request);
        if (token) store.expireToken(token);
        return tracked(zoomError(401, 124, 'Access token is expired.'));
      }
    }
  };

  const resolve = ({ request, url, endpoint, subpath }: SandboxRequest): SandboxRoute | undefined => {
    if (endpoint === 'oauthUrl') {
      if (subpath !== '') return undefined;
      return { category: 'oauth', execute: async () => tracked(await zoomOAuthToken(store, request, url)) };
    }
    const matched = matchZoomRoute(request.method.toUpperCase(), subpath);
    return {
      category: matched?.label,
      execute: async () => {
        const state = store.tokenState(bearer(request));
        if (state === 'unknown') return tracked(zoomError(401, 124, 'Invalid access token.'));
        if (state === 'expired') return tracked(zoomError(401, 124, 'Access token is expired.'));
        if (!matched) return tracked(zoomError(404, 404, 'Not Found.'));
        // Zoom counts a request against its label once the token is accepted.
        const limited = context.rateLimit(matched.label);
        if (limited)
          return tracked(rateLimited(LABELS[matched.label], limited.limit, limited.retryAfterSeconds));
        const publish = context.publishWebhook;
        const change = publish && observeZoomChange(store, request.method.toUpperCase(), subpath);
        const response = await matched.run(store, request, url);
        if (change && publish) await change.report(response, publish);
        return tracked(response);
      },
    };
  };

  return {
    controls: store as ZoomSandboxControls,
    resolve,
    renderFault,
    environment: (urls: Readonly<Record<string, string>>) => ({
      ZOOM_ACCOUNT_ID: store.credentials.accountId,
      ZOOM_CLIENT_ID: store.credentials.clientId,
      ZOOM_CLIENT_SECRET: store.credentials.clientSecret,
      ZOOM_API_URL: urls.baseUrl ?? ZOOM_API_BASE_URL,
      ZOOM_OAUTH_URL: urls.oauthUrl ?? ZOOM_OAUTH_URL,
      // zoomCommerce() reads the same credentials and its own API URL (Commerce has its own base URLs at Zoom).
      ZOOM_COMMERCE_API_URL: urls.baseUrl ?? ZOOM_API_BASE_URL,
      ZOOM_COMMERCE_SALES_REP: store.commerce.salesRepContactCrmNumber,
    }),
  };
}

/**
 * The in-memory Zoom master account as a sandbox platform: Server-to-Server OAuth, sub-accounts, base plans, licence
 * usage and users, answering as Zoom does. It is built on the public {@link SandboxPlatform} interface alone.
 * `createSandbox()` hosts it by default; pass it in `platforms` to host it beside platforms of your own.
 *
 * URLs: `baseUrl` (`https://api.zoom.us/v2`) and `oauthUrl` (`https://zoom.us/oauth/token`); on the loopback server
 * `/zoom/v2` and `/zoom/oauth/token`. Rate-limit categories: Zoom's labels `light`, `medium`, `heavy` (token
 * requests are category `oauth`, never limited). Environment for `channelkit-sandbox run`: `ZOOM_ACCOUNT_ID`,
 * `ZOOM_CLIENT_ID`, `ZOOM_CLIENT_SECRET`, `ZOOM_API_URL`, `ZOOM_OAUTH_URL`, and for `zoomCommerce()`
 * `ZOOM_COMMERCE_API_URL` and `ZOOM_COMMERCE_SALES_REP`.
 *
 * The Partner Commerce API (`/commerce/...`: end customers, catalog, orders, subscriptions, deal registrations) is
 * served under the same base URL with the same tokens; its controls are `controls.commerce`.
 *
 * @example
 * ```ts
 * import { createSandbox, zoomSandboxPlatform } from '@channelkit/sandbox';
 *
 * const zoom = zoomSandboxPlatform({ tokenTtlSeconds: 60 });
 * const sandbox = createSandbox({ platforms: [zoom] });
 * sandbox.controls(zoom).createAccount({ email: 'owner@example.com' });
 * ```
 */
export function zoomSandboxPlatform(options: ZoomSandboxOptions = {}): SandboxPlatform<ZoomSandboxControls> {
  return {
    name: 'zoom',
    urls: { baseUrl: ZOOM_API_BASE_URL, oauthUrl: ZOOM_OAUTH_URL },
    rateLimitCategories: ['light', 'medium', 'heavy'],
    webhooks: zoomWebhookScheme,
    create: (context) => createZoom(context, options),
  };
}

import type { TokenBucket } from '../faults/token-bucket';
import { json } from '../internal/json';
import type { Platform, PlatformMount, PlatformRequest } from '../internal/platform';
import { matchZoomRoute, type ZoomLabel } from './zoom-api';
import { ZOOM_BUSINESS_RATE_LIMITS } from './zoom-defaults';
import { zoomOAuthToken } from './zoom-oauth';
import { rateLimited, zoomError } from './zoom-responses';
import type { ZoomStore } from './zoom-store';

const LABELS = { light: 'Light', medium: 'Medium', heavy: 'Heavy' } as const;
const SERVER_ERRORS = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
} as const;

/** Rate-limit buckets of the master account, per label; a missing bucket means unlimited. */
export type ZoomBuckets = Partial<Record<ZoomLabel, TokenBucket>>;

function trimSlash(value: string): string {
  return value.replace(/\/+$/, '');
}

function bearer(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1];
}

/** The in-memory Zoom as a platform: routes requests under a mount to OAuth or the API. */
export function zoomPlatform(options: {
  store: ZoomStore;
  buckets: ZoomBuckets;
  retryAfter: boolean;
  trackingId: () => string;
}): Platform {
  const { store, buckets, retryAfter, trackingId } = options;

  const tracked = (response: Response): Response => {
    response.headers.set('x-zm-trackingid', trackingId());
    return response;
  };

  const faultResponse =
    (request: Request, label: ZoomLabel | undefined): PlatformRequest['faultResponse'] =>
    (fault) => {
      switch (fault.kind) {
        case 'rate_limit': {
          const limit = label && (buckets[label]?.limit ?? ZOOM_BUSINESS_RATE_LIMITS[label]);
          const seconds = fault.retryAfterSeconds ?? (retryAfter ? 1 : undefined);
          return tracked(rateLimited(label && LABELS[label], limit, seconds));
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

  return {
    name: 'zoom',
    resolve(request: Request, url: URL, mount: PlatformMount): PlatformRequest | undefined {
      const target = url.origin + trimSlash(url.pathname);
      if (target === trimSlash(mount.oauthUrl)) {
        return {
          platform: 'zoom',
          path: '/oauth/token',
          category: 'oauth',
          execute: async () => tracked(await zoomOAuthToken(store, request, url)),
          faultResponse: faultResponse(request, undefined),
        };
      }
      const base = trimSlash(mount.baseUrl);
      if (!target.startsWith(`${base}/`)) return undefined;
      const path = target.slice(base.length);
      const matched = matchZoomRoute(request.method.toUpperCase(), path);
      return {
        platform: 'zoom',
        path: `/v2${path}`,
        category: matched?.label,
        faultResponse: faultResponse(request, matched?.label),
        execute: async () => {
          const state = store.tokenState(bearer(request));
          if (state === 'unknown') return tracked(zoomError(401, 124, 'Invalid access token.'));
          if (state === 'expired') return tracked(zoomError(401, 124, 'Access token is expired.'));
          if (!matched) return tracked(json(404, { code: 404, message: 'Not Found.' }));
          const bucket = buckets[matched.label];
          const wait = bucket?.take(store.now()) ?? 0;
          if (bucket && wait > 0) {
            return tracked(rateLimited(LABELS[matched.label], bucket.limit, retryAfter ? wait : undefined));
          }
          return tracked(await matched.run(store, request, url));
        },
      };
    },
  };
}

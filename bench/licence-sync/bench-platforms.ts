// The bench's view of the platforms: their sandbox rate limits, scaled, and client adapters paced to the same limits.
import type { PartnerAdapter } from '@channelkit/core';
import type { PlatformUrls } from '@channelkit/sandbox';
import { ZOOM_BUSINESS_RATE_LIMITS, ZOOM_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import { zoom } from '@channelkit/zoom';
import { acmeSeats } from '../../test/licence-sync/seats-platform';
import { SYNC_PLATFORMS, type SyncPlatform } from '../../test/licence-sync/sync-platforms';

/** Requests per second per category of each platform, at `scale` times the platform's own limits. */
export function rateLimitsAt(scale: number): Record<string, Record<string, number>> {
  return {
    zoom: {
      light: ZOOM_BUSINESS_RATE_LIMITS.light * scale,
      medium: ZOOM_BUSINESS_RATE_LIMITS.medium * scale,
      heavy: ZOOM_BUSINESS_RATE_LIMITS.heavy * scale,
    },
    // Acme Seats stands for a partner platform with one budget of 30 requests per second.
    'acme-seats': { default: 30 * scale },
  };
}

/** An adapter paced (client side) to exactly the limits the sandbox enforces. */
export function benchAdapter(
  platform: SyncPlatform,
  urls: PlatformUrls,
  limits: Record<string, number>,
): PartnerAdapter {
  if (platform.partner === 'zoom') {
    return zoom({
      ...ZOOM_SANDBOX_CREDENTIALS,
      baseUrl: urls.baseUrl,
      oauthUrl: urls.oauthUrl,
      rateLimits: { light: limits.light ?? 80, medium: limits.medium ?? 60, heavy: limits.heavy ?? 40 },
    });
  }
  if (platform.partner === 'acme-seats')
    return acmeSeats({ baseUrl: urls.baseUrl ?? '', rateLimit: limits.default ?? 30 });
  throw new Error(`the bench does not know how to pace ${platform.partner}: add it to bench-platforms.ts`);
}

export { SYNC_PLATFORMS };

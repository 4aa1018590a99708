// The adapters of the distributed runs, pointed at a sandbox: the four partner platforms as the licence sync tests
// describe them, with Zoom's master account chosen per sandbox (the bench runs several).
import type { PartnerAdapter } from '@channelkit/core';
import { type PlatformUrls, ZOOM_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import { zoom } from '@channelkit/zoom';
import { PARTNER_PLATFORMS, type SyncPlatform } from '../../../../test/licence-sync/sync-platforms';

/** The description of a partner platform (`zoom`, `bizconf`, `zhumu`, `umeet`). */
export function syncPlatform(partner: string): SyncPlatform {
  const platform = PARTNER_PLATFORMS.find((candidate) => candidate.partner === partner);
  if (platform === undefined) throw new Error(`no such platform: ${partner}`);
  return platform;
}

/** The adapter of `partner` at the sandbox's `urls`; for Zoom, of the master account `zoomAccountId`. */
export function sandboxAdapter(partner: string, urls: PlatformUrls, zoomAccountId: string): PartnerAdapter {
  if (partner !== 'zoom') return syncPlatform(partner).adapter(urls);
  return zoom({
    ...ZOOM_SANDBOX_CREDENTIALS,
    accountId: zoomAccountId,
    baseUrl: urls.baseUrl,
    oauthUrl: urls.oauthUrl,
  });
}

import type { Sandbox } from '../create-sandbox';
import type { RunningSandbox } from '../server/start-sandbox';
import { ZOOM_API_BASE_URL, ZOOM_OAUTH_URL, ZOOM_SANDBOX_CREDENTIALS } from '../zoom/zoom-defaults';
import type { PlatformConformanceProfile } from './conformance-target';

/** How the conformance suite drives the in-memory Zoom. */
export const zoomConformanceProfile: PlatformConformanceProfile = {
  partner: 'zoom',
  createAccountRequest: { method: 'POST', path: /\/accounts$/ },
  getAccountRequest: { method: 'GET', path: /\/accounts\/[^/]+$/ },
  mswConnection: () => ({
    ...ZOOM_SANDBOX_CREDENTIALS,
    baseUrl: ZOOM_API_BASE_URL,
    oauthUrl: ZOOM_OAUTH_URL,
  }),
  httpConnection: (running: RunningSandbox) => running.credentials.zoom,
  rateLimits: (perSecond: number) => ({ zoom: { light: perSecond, medium: perSecond, heavy: perSecond } }),
  assignSeats(sandbox: Sandbox, accountId: string, count: number) {
    // On Zoom an assigned seat is a user of licence type 2 (Licensed) on the sub-account.
    for (let index = 0; index < count; index += 1) {
      sandbox.zoom.addUser(accountId, { email: `licensed-${index}@${accountId}.example.com`, type: 2 });
    }
  },
};

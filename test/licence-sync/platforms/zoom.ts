// Zoom (Master Account API): sub-accounts with a base plan, seeded through the sandbox's Zoom controls.
import {
  type RequestRecord,
  ZOOM_BUSINESS_RATE_LIMITS,
  ZOOM_SANDBOX_CREDENTIALS,
  zoomSandboxPlatform,
} from '@channelkit/sandbox';
import { zoom } from '@channelkit/zoom';
import { countWrites } from '../applied-writes';
import type { SyncPlatform } from '../sync-platforms';

let owners = 0;
const API = /^\/v2\//;

export const zoomPlatform: SyncPlatform = {
  partner: 'zoom',
  sandboxPlatform: zoomSandboxPlatform(),
  adapter: (urls) =>
    zoom({
      ...ZOOM_SANDBOX_CREDENTIALS,
      ...(urls?.baseUrl === undefined ? {} : { baseUrl: urls.baseUrl }),
      ...(urls?.oauthUrl === undefined ? {} : { oauthUrl: urls.oauthUrl }),
    }),
  clientOptions: {
    maxRetries: 6,
    retry: { baseDelayMs: 1, maxDelayMs: 20 },
    rateLimit: { light: 400, medium: 400, heavy: 400 },
  },
  rateLimits: { ...ZOOM_BUSINESS_RATE_LIMITS },
  shrinksAnyTime: true,
  otherPlan: 'business_yearly',
  seed(sandbox, count, seats) {
    const ids: string[] = [];
    for (let n = 0; n < count; n += 1) {
      owners += 1;
      const account = sandbox.zoom.createAccount({ email: `owner-${owners}@sync.example.com` });
      sandbox.zoom.setPlan(account.id, { type: 'business_monthly', hosts: seats(n) });
      ids.push(account.id);
    }
    return ids;
  },
  stateOf(sandbox, accountId) {
    const plan = sandbox.zoom.getAccount(accountId)?.plan;
    return plan && { plan: plan.type, seats: plan.hosts };
  },
  // Each PUT of a base plan answered 2xx is one write applied: every fault used for Zoom replaces the request before
  // the platform processes it, so a failed PUT changed nothing.
  appliedWrites: (sandbox) =>
    countWrites(
      sandbox.requests
        .filter((record) => record.platform === 'zoom' && record.method === 'PUT' && succeeded(record))
        .map((record) => /^\/v2\/accounts\/([^/]+)\/plans\/base$/.exec(record.path)?.[1])
        .filter((id): id is string => id !== undefined)
        .map(decodeURIComponent),
    ),
  faults: (rate) => [
    { platform: 'zoom', path: API, probability: rate / 3, fault: { kind: 'rate_limit' } },
    { platform: 'zoom', path: API, probability: rate / 3, fault: { kind: 'server_error', status: 503 } },
    { platform: 'zoom', path: API, probability: rate / 3, fault: { kind: 'reset' } },
  ],
};

function succeeded(record: RequestRecord): boolean {
  return record.status !== undefined && record.status < 300;
}

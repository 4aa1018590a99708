// The platforms the licence sync tests and the bench run against, each described once: how to host it, how to
// connect a client, how to seed accounts, how to read the sandbox's own records of its state and of the writes it
// applied, and which faults to inject. Adding a platform (Bizconf, Zhumu, Umeet) to every test is one entry here.
import type { ClientOptions, PartnerAdapter } from '@channelkit/core';
import {
  type FaultRule,
  type PlatformUrls,
  type Sandbox,
  type SandboxPlatform,
  ZOOM_SANDBOX_CREDENTIALS,
  zoomSandboxPlatform,
} from '@channelkit/sandbox';
import { zoom } from '@channelkit/zoom';
import { acmeSeats, seatsSandboxPlatform } from './seats-platform';

/** One platform, as the licence sync tests use it. */
export interface SyncPlatform {
  /** Its partner id. */
  readonly partner: string;
  /** The sandbox platform hosting it. */
  readonly sandboxPlatform: SandboxPlatform;
  /** Its adapter, pointed at `urls` (the sandbox's loopback URLs), or at its real URLs (served by msw). */
  adapter(urls?: PlatformUrls): PartnerAdapter;
  /** Client options that keep tests quick: fast retries, and client rate limits above the sandbox's. */
  readonly clientOptions: ClientOptions;
  /** Creates `count` accounts with `seats(n)` seats each (on a monthly plan), and returns their ids in order. */
  seed(sandbox: Sandbox, count: number, seats: (n: number) => number): string[];
  /** The account's plan and seats, as the sandbox holds them. */
  stateOf(sandbox: Sandbox, accountId: string): { plan: string; seats: number } | undefined;
  /** Writes of seats the sandbox applied, per account (from its own records). */
  appliedWrites(sandbox: Sandbox): Map<string, number>;
  /**
   * Faults failing about `rate` of the platform's API requests with 429s, 5xx and dropped connections. Only faults
   * that the platform can tell apart from success are used where it has no idempotency key for writes: there a
   * write lost after it was applied would be applied again by the transport's retry.
   */
  faults(rate: number): FaultRule[];
}

let zoomOwners = 0;

const zoomPlatform: SyncPlatform = {
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
  seed(sandbox, count, seats) {
    const ids: string[] = [];
    for (let n = 0; n < count; n += 1) {
      zoomOwners += 1;
      const account = sandbox.zoom.createAccount({ email: `owner-${zoomOwners}@sync.example.com` });
      sandbox.zoom.setPlan(account.id, { type: 'business_monthly', hosts: seats(n) });
      ids.push(account.id);
    }
    return ids;
  },
  stateOf(sandbox, accountId) {
    const plan = sandbox.zoom.getAccount(accountId)?.plan;
    return plan && { plan: plan.type, seats: plan.hosts };
  },
  appliedWrites(sandbox) {
    // Each PUT of a base plan answered 2xx is one write applied: the faults used for Zoom all replace the request
    // before the platform processes it, so a failed PUT changed nothing.
    const writes = new Map<string, number>();
    for (const record of sandbox.requests) {
      const match = /^\/v2\/accounts\/([^/]+)\/plans\/base$/.exec(record.path);
      if (record.platform !== 'zoom' || record.method !== 'PUT' || !match) continue;
      if (record.status === undefined || record.status >= 300) continue;
      const id = decodeURIComponent(match[1] ?? '');
      writes.set(id, (writes.get(id) ?? 0) + 1);
    }
    return writes;
  },
  faults: (rate) => [
    { platform: 'zoom', path: /^\/v2\//, probability: rate / 3, fault: { kind: 'rate_limit' } },
    {
      platform: 'zoom',
      path: /^\/v2\//,
      probability: rate / 3,
      fault: { kind: 'server_error', status: 503 },
    },
    { platform: 'zoom', path: /^\/v2\//, probability: rate / 3, fault: { kind: 'reset' } },
  ],
};

const seatsPlatform: SyncPlatform = {
  partner: 'acme-seats',
  sandboxPlatform: seatsSandboxPlatform,
  adapter: (urls) =>
    acmeSeats(urls?.baseUrl === undefined ? { rateLimit: 400 } : { baseUrl: urls.baseUrl, rateLimit: 400 }),
  clientOptions: { maxRetries: 6, retry: { baseDelayMs: 1, maxDelayMs: 20 } },
  seed(sandbox, count, seats) {
    const controls = sandbox.controls(seatsSandboxPlatform);
    const ids: string[] = [];
    for (let n = 0; n < count; n += 1) {
      const id = `acct-${String(n).padStart(5, '0')}`;
      controls.add(id, { plan: 'team', quantity: seats(n), assigned: 0, commitment: 'monthly' });
      ids.push(id);
    }
    return ids;
  },
  stateOf(sandbox, accountId) {
    const subscription = sandbox.controls(seatsSandboxPlatform).get(accountId);
    return subscription && { plan: subscription.plan, seats: subscription.quantity };
  },
  appliedWrites(sandbox) {
    const writes = new Map<string, number>();
    for (const write of sandbox.controls(seatsSandboxPlatform).writes) {
      writes.set(write.accountId, (writes.get(write.accountId) ?? 0) + 1);
    }
    return writes;
  },
  // Acme Seats honours Idempotency-Key, so it also gets the ambiguous failure: the write applied, the answer lost.
  faults: (rate) => [
    { platform: 'acme-seats', probability: rate / 4, fault: { kind: 'rate_limit' } },
    { platform: 'acme-seats', probability: rate / 4, fault: { kind: 'server_error', status: 502 } },
    { platform: 'acme-seats', probability: rate / 4, fault: { kind: 'reset' } },
    { platform: 'acme-seats', method: 'PUT', probability: rate / 4, when: 'after', fault: { kind: 'reset' } },
  ],
};

/** Every platform the licence sync tests cover. */
export const SYNC_PLATFORMS: readonly SyncPlatform[] = [zoomPlatform, seatsPlatform];

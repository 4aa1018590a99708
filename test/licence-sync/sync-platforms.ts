// The platforms the licence sync tests and the bench run against, each described once (in ./platforms): how to host
// it, how to connect a client, how to seed accounts, how to read the sandbox's own records of its state and of the
// writes it applied, which faults to inject, and what its seat rules allow a desired list to ask.
import type { ClientOptions, PartnerAdapter } from '@channelkit/core';
import type { FaultRule, PlatformUrls, Sandbox, SandboxPlatform } from '@channelkit/sandbox';
import type { AppliedWrites } from './applied-writes';
import { acmeSeatsPlatform } from './platforms/acme-seats';
import { bizconfPlatform } from './platforms/bizconf';
import { umeetPlatform } from './platforms/umeet';
import { zhumuPlatform } from './platforms/zhumu';
import { zoomPlatform } from './platforms/zoom';

export type { AppliedWrites } from './applied-writes';

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
  /** The platform's own rate limits, requests per second per category (the bench scales them). */
  readonly rateLimits: Readonly<Record<string, number>>;
  /**
   * Whether seats may go down at any time. Bizconf's annual commitments shrink only at renewal: a desired list that
   * lowers them is a plan violation, so tests that must converge ask such a platform for more seats or the same.
   */
  readonly shrinksAnyTime: boolean;
  /** A plan its accounts can move to through the API (from the plan `seed` gives them), or none where it cannot. */
  readonly otherPlan: string | undefined;
  /** Creates `count` accounts with `seats(n)` seats each, and returns their ids in order. */
  seed(sandbox: Sandbox, count: number, seats: (n: number) => number): string[];
  /** The account's plan and seats, as the sandbox holds them. */
  stateOf(sandbox: Sandbox, accountId: string): { plan: string; seats: number } | undefined;
  /** Writes of seats the sandbox applied (from its own records). */
  appliedWrites(sandbox: Sandbox): AppliedWrites;
  /**
   * Faults failing about `rate` of the platform's API requests with 429s, 5xx and dropped connections. Only faults
   * that the platform can tell apart from success are used where its records could not tell a write applied twice
   * from a write answered from memory: there every fault replaces the request before the platform processes it.
   */
  faults(rate: number): FaultRule[];
}

/** The four partner platforms: Zoom (Master Account), Bizconf, Suirui Zhumu and Systec Umeet. */
export const PARTNER_PLATFORMS: readonly SyncPlatform[] = [
  zoomPlatform,
  bizconfPlatform,
  zhumuPlatform,
  umeetPlatform,
];

/** Zoom and Acme Seats, a small platform of the tests' own with an Idempotency-Key (see ./seats-platform). */
export const ZOOM_AND_SEATS: readonly SyncPlatform[] = [zoomPlatform, acmeSeatsPlatform];

/** What an account of `platform` should end with in the tests: some grow, some shrink (where the rules allow), some stay. */
export function desiredSeats(platform: SyncPlatform, n: number, now: number): number {
  if (n % 5 === 0) return now;
  if (n % 2 === 0) return now + 4 + (n % 3);
  return platform.shrinksAnyTime ? Math.max(1, now - 2) : now + 1;
}

/** Hub options giving each platform its client options. */
export function hubOptions(platforms: readonly SyncPlatform[]) {
  return {
    partners: Object.fromEntries(platforms.map((platform) => [platform.partner, platform.clientOptions])),
  };
}

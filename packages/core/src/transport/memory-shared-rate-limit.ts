import type { SharedRateLimit } from './shared-rate-limit';

/**
 * A {@link SharedRateLimit} in this process's memory, for several clients of one process that send to the same
 * platform account (e.g. two clients built with different options): together they stay under the account's limit.
 * For processes and machines, use a state store's `sharedRateLimit()` from `@channelkit/bullmq`.
 * @example
 * import { createClient, createMemorySharedRateLimit } from '@channelkit/core';
 * import { zoom } from '@channelkit/zoom';
 *
 * const sharedRateLimit = createMemorySharedRateLimit();
 * const sync = createClient(zoom(), { sharedRateLimit });
 * const shop = createClient(zoom(), { sharedRateLimit, timeoutMs: 10_000 });
 */
export function createMemorySharedRateLimit(): SharedRateLimit {
  // The theoretical arrival time of each category's next request, on performance.now()'s clock (the generic cell
  // rate algorithm): a reservation takes max(next, now) and moves next on by one interval.
  const next = new Map<string, number>();
  return {
    async reserve(category, perSecond) {
      const now = performance.now();
      const at = Math.max(next.get(category) ?? now, now);
      next.set(category, at + 1000 / perSecond);
      return at - now;
    },
    async hold(category, ms) {
      const until = performance.now() + Math.max(0, ms);
      next.set(category, Math.max(next.get(category) ?? until, until));
    },
  };
}

import { TokenBucket } from '../faults/token-bucket';
import type { SandboxPlatform } from '../platform/sandbox-platform';

/**
 * Token buckets of one platform from the `rateLimits` option; a category left out is unlimited. Throws a
 * `RangeError` for a category the platform does not have or a limit that is not a positive number.
 */
export function bucketsFor(
  platform: SandboxPlatform,
  limits: Readonly<Record<string, number | undefined>> | undefined,
  now: number,
): Map<string, TokenBucket> {
  const buckets = new Map<string, TokenBucket>();
  for (const [category, limit] of Object.entries(limits ?? {})) {
    if (!platform.rateLimitCategories.includes(category)) {
      throw new RangeError(
        `rateLimits.${platform.name}.${category}: ${platform.name} has no rate-limit category '${category}'` +
          ` (it has: ${platform.rateLimitCategories.join(', ') || 'none'}).`,
      );
    }
    if (limit === undefined) continue;
    if (!(limit > 0) || !Number.isFinite(limit)) {
      throw new RangeError(`rate limit ${category} must be a positive number`);
    }
    buckets.set(category, new TokenBucket(limit, now));
  }
  return buckets;
}

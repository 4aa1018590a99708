// The bench's view of the platforms: the four partner platforms of the licence sync tests, with their own rate limits
// scaled, enforced by the sandbox and paced by the client at the same figures.
import { PARTNER_PLATFORMS, type SyncPlatform } from '../../test/licence-sync/sync-platforms';

/** The platforms the bench syncs across: Zoom, Bizconf, Suirui Zhumu and Systec Umeet. */
export const BENCH_PLATFORMS: readonly SyncPlatform[] = PARTNER_PLATFORMS;

/** Requests per second per category of each platform, at `scale` times the platform's own limits. */
export function rateLimitsAt(scale: number): Record<string, Record<string, number>> {
  return Object.fromEntries(
    BENCH_PLATFORMS.map((platform) => [
      platform.partner,
      Object.fromEntries(
        Object.entries(platform.rateLimits).map(([category, limit]) => [category, limit * scale]),
      ),
    ]),
  );
}

/** The limits in words, e.g. `zoom light/medium/heavy 400/300/200 per s`. */
export function describeLimits(limits: Record<string, Record<string, number>>): string {
  return Object.entries(limits)
    .map(
      ([partner, categories]) =>
        `${partner} ${Object.keys(categories).join('/')} ${Object.values(categories).join('/')}`,
    )
    .join(', ');
}

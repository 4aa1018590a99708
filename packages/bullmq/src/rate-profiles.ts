import { ConfigurationError } from '@channelkit/core';

/**
 * What a platform allows one master account, and what one job costs, per rate-limit category: the queue's limiter
 * lets through at most as many jobs per second as the scarcest category allows, shared by every worker of the
 * master account.
 */
export interface PlatformRateProfile {
  /** Requests per second the platform allows one master account, per category. */
  limits: Readonly<Record<string, number>>;
  /**
   * Requests one licence action makes, per category: the fresh read before the write, and the write with its own
   * reads. Retries come on top; a 429 that still happens pauses the queue.
   */
  perJob: Readonly<Record<string, number>>;
}

/**
 * The built-in profiles, one per platform of channelkit. Zoom: Business, Business Plus and partner masters are
 * allowed Light 80, Medium 60 and Heavy 40 requests per second (https://developers.zoom.us/docs/api/rest/rate-limits/);
 * an action reads the plans (Medium) and their usage (Heavy) before writing, and the write reads the usage again
 * (Heavy), updates the base plan (Heavy) and reads the plans back (Medium): 2 Medium and 3 Heavy, so Heavy binds at
 * 40 / 3 ≈ 13.3 actions per second. Bizconf (20 queries and 5 writes per second per application), Suirui Zhumu (600
 * reads and 120 writes per minute per API key) and Systec Umeet (20 reads and 5 writes per second per partner), as
 * their channelkit contracts state them: an action reads the licence twice (the fresh read, and the write's own
 * check) and writes it once, so writes bind at 5, 2 and 5 actions per second. Pass `rateProfiles` to `runWorker()`
 * for a Pro master (30/20/10) or other limits.
 */
export const DEFAULT_RATE_PROFILES: Readonly<Record<string, PlatformRateProfile>> = Object.freeze({
  zoom: { limits: { light: 80, medium: 60, heavy: 40 }, perJob: { medium: 2, heavy: 3 } },
  bizconf: { limits: { query: 20, write: 5 }, perJob: { query: 2, write: 1 } },
  zhumu: { limits: { read: 10, write: 2 }, perJob: { read: 2, write: 1 } },
  umeet: { limits: { read: 20, write: 5 }, perJob: { read: 2, write: 1 } },
});

/** A BullMQ limiter: at most `max` jobs start per `duration` milliseconds, across every worker of a queue. */
export interface QueueLimiter {
  /** Jobs per window. */
  max: number;
  /** Window, in milliseconds. */
  duration: number;
}

/**
 * Share of the scarcest category's limit the limiter uses. The requests themselves are held to the limit by the
 * shared rate limit, which paces at 98.5% of it; jobs start just below that, so that they do not queue for their
 * requests' moments, and the platform's budget is used rather than left idle.
 */
export const LIMIT_UTILISATION = 0.98;

/**
 * The limiter that keeps a queue's jobs within a platform's limits: 98% of the jobs per second the scarcest category
 * allows (see {@link LIMIT_UTILISATION}), in windows of about half a second so that the requests are spread.
 * @throws ConfigurationError for a profile without positive limits and costs.
 * @example
 * limiterFor(DEFAULT_RATE_PROFILES.zoom); // { max: 6, duration: 460 }: 13 jobs per second, 39 Heavy requests
 */
export function limiterFor(profile: PlatformRateProfile): QueueLimiter {
  let jobsPerSecond = Number.POSITIVE_INFINITY;
  for (const [category, cost] of Object.entries(profile.perJob)) {
    const limit = profile.limits[category];
    if (!(cost > 0) || limit === undefined || !(limit > 0)) {
      throw new ConfigurationError({
        option: 'rateProfiles',
        problem: `category ${category} needs a positive limit and cost (got limit ${String(limit)}, cost ${String(cost)})`,
      });
    }
    jobsPerSecond = Math.min(jobsPerSecond, limit / cost);
  }
  if (!Number.isFinite(jobsPerSecond)) {
    throw new ConfigurationError({
      option: 'rateProfiles',
      problem: 'perJob must name at least one category',
    });
  }
  jobsPerSecond *= LIMIT_UTILISATION;
  const max = Math.max(1, Math.floor(jobsPerSecond / 2));
  return { max, duration: Math.ceil((max * 1000) / jobsPerSecond) };
}

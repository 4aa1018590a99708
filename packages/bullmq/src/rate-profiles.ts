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
 * The built-in profiles. Zoom: Business, Business Plus and partner masters are allowed Light 80, Medium 60 and Heavy
 * 40 requests per second (https://developers.zoom.us/docs/api/rest/rate-limits/); an action reads the plans (Medium)
 * and their usage (Heavy) before writing, and the write reads the usage again (Heavy), updates the base plan
 * (Heavy) and reads the plans back (Medium): 2 Medium and 3 Heavy, so Heavy binds at 40 / 3 ≈ 13.3 actions per
 * second. Pass `rateProfiles` to `runWorker()` for a Pro master (30/20/10) or another platform.
 */
export const DEFAULT_RATE_PROFILES: Readonly<Record<string, PlatformRateProfile>> = Object.freeze({
  zoom: { limits: { light: 80, medium: 60, heavy: 40 }, perJob: { medium: 2, heavy: 3 } },
});

/** A BullMQ limiter: at most `max` jobs start per `duration` milliseconds, across every worker of a queue. */
export interface QueueLimiter {
  /** Jobs per window. */
  max: number;
  /** Window, in milliseconds. */
  duration: number;
}

/**
 * Share of the scarcest category's limit the limiter uses: requests of jobs that started in one window reach the
 * platform spread over the next, and a retry costs a request; the rest keeps them from adding up to a 429.
 */
export const LIMIT_UTILISATION = 0.95;

/**
 * The limiter that keeps a queue's jobs within a platform's limits: 95% of the jobs per second the scarcest category
 * allows (see {@link LIMIT_UTILISATION}), in windows of about half a second so that the requests are spread.
 * @throws ConfigurationError for a profile without positive limits and costs.
 * @example
 * limiterFor(DEFAULT_RATE_PROFILES.zoom); // { max: 6, duration: 474 }: 12.7 jobs per second, 38 Heavy requests
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

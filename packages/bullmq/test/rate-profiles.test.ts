import { ConfigurationError } from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_PROFILES, LIMIT_UTILISATION, limiterFor } from '../src/index';

describe('limiterFor', () => {
  it('lets through 95% of the jobs the scarcest category allows, in windows of about half a second', () => {
    const zoom = DEFAULT_RATE_PROFILES.zoom;
    if (!zoom) throw new Error('expected a Zoom profile');
    // Heavy binds: 40 / 3 jobs per second.
    expect(limiterFor(zoom)).toEqual({ max: 6, duration: 474 });
    const jobsPerSecond = (6 * 1000) / 474;
    expect(jobsPerSecond).toBeLessThanOrEqual((40 / 3) * LIMIT_UTILISATION);
    expect(jobsPerSecond).toBeGreaterThan((40 / 3) * 0.94);
  });

  it('never lets more than one job through per window when the limit is below two jobs per second', () => {
    expect(limiterFor({ limits: { heavy: 3 }, perJob: { heavy: 3 } })).toEqual({ max: 1, duration: 1053 });
  });

  it('refuses a profile whose cost names a category without a limit', () => {
    expect(() => limiterFor({ limits: { light: 80 }, perJob: { heavy: 3 } })).toThrow(ConfigurationError);
    expect(() => limiterFor({ limits: {}, perJob: {} })).toThrow(/at least one category/);
  });
});

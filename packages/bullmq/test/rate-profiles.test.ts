import { ConfigurationError } from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_PROFILES, LIMIT_UTILISATION, limiterFor } from '../src/index';

/** A built-in profile, which must exist. */
function profile(partner: string) {
  const found = DEFAULT_RATE_PROFILES[partner];
  if (!found) throw new Error(`expected a ${partner} profile`);
  return found;
}

describe('limiterFor', () => {
  it('lets through 98% of the jobs the scarcest category allows, in windows of about half a second', () => {
    const zoom = DEFAULT_RATE_PROFILES.zoom;
    if (!zoom) throw new Error('expected a Zoom profile');
    // Heavy binds: 40 / 3 jobs per second.
    expect(limiterFor(zoom)).toEqual({ max: 6, duration: 460 });
    const jobsPerSecond = (6 * 1000) / 460;
    expect(jobsPerSecond).toBeLessThanOrEqual((40 / 3) * LIMIT_UTILISATION);
    expect(jobsPerSecond).toBeGreaterThan((40 / 3) * 0.97);
  });

  it('has a profile for every platform of channelkit, whose writes bind for the partner platforms', () => {
    expect(Object.keys(DEFAULT_RATE_PROFILES).sort()).toEqual(['bizconf', 'umeet', 'zhumu', 'zoom']);
    // 5 writes per second, 98% of it: 4.9 jobs per second in windows of 2.
    expect(limiterFor(profile('bizconf'))).toEqual({ max: 2, duration: 409 });
    expect(limiterFor(profile('umeet'))).toEqual({ max: 2, duration: 409 });
    // 120 writes per minute: 1.96 jobs per second, one at a time.
    expect(limiterFor(profile('zhumu'))).toEqual({ max: 1, duration: 511 });
  });

  it('never lets more than one job through per window when the limit is below two jobs per second', () => {
    expect(limiterFor({ limits: { heavy: 3 }, perJob: { heavy: 3 } })).toEqual({ max: 1, duration: 1021 });
  });

  it('refuses a profile whose cost names a category without a limit', () => {
    expect(() => limiterFor({ limits: { light: 80 }, perJob: { heavy: 3 } })).toThrow(ConfigurationError);
    expect(() => limiterFor({ limits: {}, perJob: {} })).toThrow(/at least one category/);
  });
});

import { type RunningSandbox, startSandbox, ZOOM_BUSINESS_RATE_LIMITS } from '@channelkit/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, zoomClient } from './helpers';

let running: RunningSandbox | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('rate limits', () => {
  it('is unlimited by default', async () => {
    running = await startSandbox({ now: manualClock().now });
    const client = zoomClient(running.zoom);
    client.token = await client.fetchToken();
    const statuses = await Promise.all(Array.from({ length: 100 }, () => client.call('GET', '/accounts/x')));
    expect(statuses.every((response) => response.status === 404)).toBe(true);
  });

  it('answers Zoom 429s once a label is over its per-second limit, without Retry-After by default', async () => {
    const clock = manualClock();
    running = await startSandbox({ now: clock.now, rateLimits: { zoom: { light: 2, medium: 1 } } });
    const client = zoomClient(running.zoom);
    expect((await client.call('GET', '/accounts/x')).status).toBe(404);
    expect((await client.call('GET', '/accounts/x')).status).toBe(404);
    const limited = await client.call('GET', '/accounts/x');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      code: 429,
      message: 'You have reached the maximum per-second rate limit for this API. Try again later.',
    });
    expect(limited.headers.get('x-ratelimit-category')).toBe('Light');
    expect(limited.headers.get('x-ratelimit-type')).toBe('QPS');
    expect(limited.headers.get('x-ratelimit-limit')).toBe('2');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-zm-trackingid')).toBeTruthy();
    expect(limited.headers.has('retry-after')).toBe(false);
    // labels are separate buckets; heavy has no limit configured
    expect((await client.call('GET', '/accounts')).status).toBe(200);
    expect((await client.call('GET', '/accounts')).headers.get('x-ratelimit-category')).toBe('Medium');
    expect((await client.call('GET', '/accounts/x/plans/usage')).status).toBe(404);
    clock.advance(500);
    expect((await client.call('GET', '/accounts/x')).status).toBe(404);
    expect((await client.call('GET', '/accounts/x')).status).toBe(429);
  });

  it('marks the requests its limiter refused as `limited` in the log, and an injected rate_limit fault as a fault', async () => {
    running = await startSandbox({ now: manualClock().now, rateLimits: { zoom: { light: 1 } } });
    const client = zoomClient(running.zoom);
    expect((await client.call('GET', '/accounts/x')).status).toBe(404);
    expect((await client.call('GET', '/accounts/x')).status).toBe(429);
    running.sandbox.faults.add({ platform: 'zoom', times: 1, fault: { kind: 'rate_limit' } });
    expect((await client.call('GET', '/accounts')).status).toBe(429);

    const api = running.sandbox.requests.filter((record) => record.path.startsWith('/v2/'));
    expect(api.map((record) => [record.status, record.limited, record.fault])).toEqual([
      [404, false, undefined],
      [429, true, undefined],
      [429, false, 'rate_limit'],
    ]);
  });

  it('adds Retry-After when configured', async () => {
    running = await startSandbox({
      now: manualClock().now,
      rateLimits: { zoom: { light: 1 } },
      rateLimitRetryAfter: true,
    });
    const client = zoomClient(running.zoom);
    await client.call('GET', '/accounts/x');
    expect((await client.call('GET', '/accounts/x')).headers.get('retry-after')).toBe('1');
  });

  it('never limits a client sending at exactly the limit', async () => {
    const clock = manualClock();
    running = await startSandbox({ now: clock.now, rateLimits: { zoom: { light: 40, heavy: 3 } } });
    const client = zoomClient(running.zoom);
    for (let i = 0; i < 120; i++) {
      expect((await client.call('GET', '/accounts/x')).status).toBe(404);
      clock.advance(1000 / 40);
    }
    for (let i = 0; i < 9; i++) {
      expect((await client.call('GET', '/accounts/x/plans/usage')).status).toBe(404);
      clock.advance(1000 / 3);
    }
  });

  it('does not count OAuth token requests', async () => {
    running = await startSandbox({
      now: manualClock().now,
      rateLimits: { zoom: { light: 1, medium: 1, heavy: 1 } },
    });
    const client = zoomClient(running.zoom);
    for (let i = 0; i < 5; i++) expect(await client.fetchToken()).toEqual(expect.any(String));
  });

  it('exports the Business+ limits', () => {
    expect(ZOOM_BUSINESS_RATE_LIMITS).toEqual({ light: 80, medium: 60, heavy: 40 });
  });
});

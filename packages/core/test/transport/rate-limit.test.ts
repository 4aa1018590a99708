import { AbortError, createHttpTransport, type RateLimitedEvent } from '@channelkit/core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runTimers, useVirtualTime, watch } from '../virtual-time';

// Every test runs in virtual time (see ../virtual-time.ts): the limiter's clock and timers move only from one timer
// to the next, and each request is answered before time moves on, so the times asserted below are exact and no
// load on the machine can change them.

const base = 'https://api.example.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

function recordOrder() {
  const order: string[] = [];
  server.use(
    http.get(`${base}/item/:id`, ({ params }) => {
      order.push(String(params.id));
      return HttpResponse.json({});
    }),
  );
  return order;
}

/** Milliseconds between consecutive send times. */
function gaps(times: readonly number[]): number[] {
  return times.slice(1).map((time, index) => time - (times[index] as number));
}

describe('rate limiting', () => {
  it('spaces requests at the configured rate and serves waiters in FIFO order', async () => {
    useVirtualTime();
    const order = recordOrder();
    const transport = createHttpTransport({ baseURL: base, rateLimit: 20 });
    const { sent, idle } = watch(transport);
    const waits: RateLimitedEvent[] = [];
    transport.on('rateLimited', (e) => waits.push(e));
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const started = Date.now();

    await runTimers(
      Promise.all(ids.map((id) => transport.request({ method: 'GET', path: `/item/${id}` }))),
      idle,
    );

    expect(order).toEqual(ids);
    expect(sent.map((request) => request.path)).toEqual(ids.map((id) => `/item/${id}`));
    // 6 requests at 20/s: the first goes at once, each next one interval later: 1/20 s plus the limiter's 1.5 %
    // margin (50.75 ms), on whole milliseconds. Never sooner, which would break the limit, nor later.
    expect(sent[0]?.at).toBe(started);
    for (const gap of gaps(sent.map((request) => request.at))) {
      expect(gap).toBeGreaterThanOrEqual(50);
      expect(gap).toBeLessThanOrEqual(51);
    }
    expect(waits).toHaveLength(5);
    expect(waits[0]).toMatchObject({
      category: 'default',
      method: 'GET',
      path: '/item/b',
      queued: 1,
      rate: 20,
    });
    expect(waits[4]?.queued).toBe(5);
  });

  it('keeps categories apart, with `default` covering unlisted ones', async () => {
    useVirtualTime();
    const order = recordOrder();
    const transport = createHttpTransport({ baseURL: base, rateLimit: { heavy: 2, default: 1000 } });
    const { sent, idle } = watch(transport);
    const started = Date.now();
    const heavy = [1, 2].map((n) =>
      transport.request({ method: 'GET', path: `/item/heavy${n}`, category: 'heavy' }),
    );
    const light = [1, 2, 3].map((n) =>
      transport.request({ method: 'GET', path: `/item/light${n}`, category: 'light' }),
    );

    await runTimers(Promise.all([...heavy, ...light]), idle);

    // The second heavy request waits half a second; the light ones (under `default`, 1000/s) do not wait for it.
    expect(sent.map((request) => request.path)).toEqual([
      '/item/heavy1',
      '/item/light1',
      '/item/light2',
      '/item/light3',
      '/item/heavy2',
    ]);
    const at = Object.fromEntries(sent.map((request) => [request.path, request.at - started]));
    expect(at['/item/light3']).toBeLessThanOrEqual(5);
    expect(at['/item/heavy2']).toBeGreaterThanOrEqual(500);
    expect(at['/item/heavy2']).toBeLessThanOrEqual(510);
    expect(order.sort()).toEqual(['heavy1', 'heavy2', 'light1', 'light2', 'light3']);
  });

  it('lets an aborted caller leave the queue without holding up the others', async () => {
    useVirtualTime();
    const order = recordOrder();
    const transport = createHttpTransport({ baseURL: base, rateLimit: 20 });
    const { sent, idle } = watch(transport);
    const controller = new AbortController();
    const first = transport.request({ method: 'GET', path: '/item/1' });
    const second = transport.request({ method: 'GET', path: '/item/2', signal: controller.signal });
    const third = transport.request({ method: 'GET', path: '/item/3' });
    controller.abort();
    await expect(second).rejects.toBeInstanceOf(AbortError);

    await runTimers(Promise.all([first, third]), idle);

    expect(order).toEqual(['1', '3']);
    // The third took the second's slot: one interval (50.75 ms at 20/s) after the first, not two.
    expect(gaps(sent.map((request) => request.at))).toEqual([expect.any(Number)]);
    expect(gaps(sent.map((request) => request.at))[0]).toBeLessThanOrEqual(51);
  });

  it('slows a category down after a 429 and still delivers every request', async () => {
    useVirtualTime();
    let served = 0;
    server.use(
      http.get(`${base}/limited`, () => {
        served++;
        return served === 2 ? HttpResponse.json({}, { status: 429 }) : HttpResponse.json({}, { status: 200 });
      }),
    );
    const transport = createHttpTransport({ baseURL: base, rateLimit: 40, retry: { baseDelayMs: 1 } });
    const { idle } = watch(transport);
    const rates: number[] = [];
    transport.on('rateLimited', (e) => rates.push(e.rate));

    await runTimers(
      Promise.all(Array.from({ length: 6 }, () => transport.request({ method: 'GET', path: '/limited' }))),
      idle,
    );

    expect(served).toBe(7);
    // Five requests queue at the configured 40/s; the retry of the one answered 429 queues at half that rate.
    expect(rates).toEqual([40, 40, 40, 40, 40, 20]);
  });

  it('sustains the limit of a sliding-window server with no 429 at all', async () => {
    useVirtualTime();
    const limit = 20;
    const arrivals: number[] = [];
    let rejected = 0;
    // A strict server: at most `limit` requests in ANY window of 1000 ms, measured on its own (virtual) clock.
    server.use(
      http.get(`${base}/x`, () => {
        const now = performance.now();
        while (arrivals.length > 0 && (arrivals[0] as number) <= now - 1000) arrivals.shift();
        if (arrivals.length >= limit) {
          rejected++;
          return new HttpResponse(null, { status: 429, headers: { 'retry-after': '1' } });
        }
        arrivals.push(now);
        return HttpResponse.json({});
      }),
    );
    const transport = createHttpTransport({ baseURL: base, rateLimit: limit });
    const { sent, idle } = watch(transport);
    const count = 30;

    const results = await runTimers(
      Promise.all(Array.from({ length: count }, () => transport.request({ method: 'GET', path: '/x' }))),
      idle,
    );

    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(rejected).toBe(0);
    expect(sent).toHaveLength(count);
    // Close to the limit: 29 intervals of 50.75 ms after the first, not more.
    const span = (sent.at(-1)?.at ?? 0) - (sent[0]?.at ?? 0);
    expect(span).toBeGreaterThanOrEqual(29 * 50);
    expect(span).toBeLessThanOrEqual(29 * 51);
  });
});

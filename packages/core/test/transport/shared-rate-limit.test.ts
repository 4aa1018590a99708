import {
  ConfigurationError,
  createHttpTransport,
  createMemorySharedRateLimit,
  type RateLimitedEvent,
  type SharedRateLimit,
  StateStoreError,
} from '@channelkit/core';
import { describeSharedRateLimitContract } from '@channelkit/core/testing';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runTimers, until, useVirtualTime, watch } from '../virtual-time';

const base = 'https://api.example.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

describeSharedRateLimitContract('memory', () => {
  const limit = createMemorySharedRateLimit();
  return { limit, other: limit, unrelated: createMemorySharedRateLimit() };
});

/** Answers every `GET /item/:id` with 200, counting them. */
function serveItems() {
  const served: string[] = [];
  server.use(
    http.get(`${base}/item/:id`, ({ params }) => {
      served.push(String(params.id));
      return HttpResponse.json({});
    }),
  );
  return served;
}

/** Blocks this thread for `ms` milliseconds, as a process stalled for CPU would be. */
function stall(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe('a rate limit shared by several transports', () => {
  it('spaces the requests of two transports as one: each alone would send its first at once', async () => {
    useVirtualTime();
    serveItems();
    const sharedRateLimit = createMemorySharedRateLimit();
    const first = createHttpTransport({ baseURL: base, rateLimit: 20, sharedRateLimit });
    const second = createHttpTransport({ baseURL: base, rateLimit: 20, sharedRateLimit });
    const a = watch(first);
    const b = watch(second);
    const started = Date.now();

    await runTimers(
      Promise.all(
        ['a1', 'b1', 'a2', 'b2', 'a3', 'b3'].map((id) =>
          (id.startsWith('a') ? first : second).request({ method: 'GET', path: `/item/${id}` }),
        ),
      ),
      () => a.idle() && b.idle(),
    );

    const times = [...a.sent, ...b.sent].map((request) => request.at).sort((x, y) => x - y);
    expect(times).toHaveLength(6);
    expect(times[0]).toBe(started);
    // 20 per second between them, with the limiter's 1.5 % margin: 50.75 ms apart, on whole milliseconds.
    for (let n = 1; n < times.length; n++) {
      expect((times[n] as number) - (times[n - 1] as number)).toBeGreaterThanOrEqual(50);
    }
    expect((times[5] as number) - started).toBeGreaterThanOrEqual(253);
  });

  it("holds back every sharer for a 429's Retry-After, not only the request that got it", async () => {
    useVirtualTime();
    const sharedRateLimit = createMemorySharedRateLimit();
    let limited = false;
    server.use(
      http.get(`${base}/item/:id`, () => {
        if (!limited) {
          limited = true;
          return new HttpResponse(null, { status: 429, headers: { 'retry-after': '2' } });
        }
        return HttpResponse.json({});
      }),
    );
    const first = createHttpTransport({ baseURL: base, rateLimit: 100, sharedRateLimit });
    const second = createHttpTransport({ baseURL: base, rateLimit: 100, sharedRateLimit });
    const a = watch(first);
    const b = watch(second);
    const started = Date.now();

    const told = first.request({ method: 'GET', path: '/item/told' });
    // Once the 429 is answered (and `told` waits for its retry), the other transport sends a request of its own.
    await until(() => a.sent.length === 1 && a.idle(), 'the 429');
    const other = second.request({ method: 'GET', path: '/item/other' });
    await runTimers(Promise.all([told, other]), () => a.idle() && b.idle());

    // `told` was retried after its 2 s; the other transport, which was told nothing, waited as long (and the two
    // then took consecutive moments of the shared schedule).
    expect(a.sent).toHaveLength(2);
    expect(a.sent[1]?.at).toBeGreaterThanOrEqual(started + 2_000);
    expect(b.sent[0]?.at).toBeGreaterThanOrEqual(started + 2_000);
  });

  it('says in a rateLimited event that a request waits for the shared limit', async () => {
    useVirtualTime();
    serveItems();
    const sharedRateLimit = createMemorySharedRateLimit();
    const other = createHttpTransport({ baseURL: base, rateLimit: 10, sharedRateLimit });
    const transport = createHttpTransport({ baseURL: base, rateLimit: 10, sharedRateLimit });
    const events: RateLimitedEvent[] = [];
    transport.on('rateLimited', (event) => events.push(event));
    const watched = watch(other);
    await runTimers(other.request({ method: 'GET', path: '/item/first' }), watched.idle);
    const mine = watch(transport);
    await runTimers(transport.request({ method: 'GET', path: '/item/second' }), mine.idle);

    // This transport's own limiter had a token: the wait came from the moment the other transport took.
    expect(events).toEqual([
      expect.objectContaining({ path: '/item/second', category: 'default', shared: true, queued: 1 }),
    ]);
    expect(events[0]?.delayMs).toBeGreaterThan(0);
  });

  it('reserves again when the process wakes long after its moment, at most three times, then sends', async () => {
    serveItems();
    let reservations = 0;
    const stallingLimit: SharedRateLimit = {
      async reserve() {
        reservations++;
        // The process stalls while the request waits for its moment, and wakes 300 ms late.
        setImmediate(() => stall(300));
        return 1;
      },
      async hold() {},
    };
    const transport = createHttpTransport({ baseURL: base, rateLimit: 100, sharedRateLimit: stallingLimit });
    const sent: string[] = [];
    transport.on('request', (event) => sent.push(event.path));

    await transport.request({ method: 'GET', path: '/item/late' });

    expect(reservations).toBe(3);
    expect(sent).toEqual(['/item/late']);
  });

  it('sends after one reservation when it wakes on time', async () => {
    serveItems();
    let reservations = 0;
    const transport = createHttpTransport({
      baseURL: base,
      rateLimit: 100,
      sharedRateLimit: {
        async reserve() {
          reservations++;
          return 1;
        },
        async hold() {},
      },
    });
    await transport.request({ method: 'GET', path: '/item/on-time' });
    expect(reservations).toBe(1);
  });

  it('fails with StateStoreError, sending nothing, when the shared limit cannot be reached', async () => {
    const served = serveItems();
    const transport = createHttpTransport({
      baseURL: base,
      platform: 'zoom',
      rateLimit: 100,
      sharedRateLimit: {
        reserve: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
        hold: async () => {},
      },
    });

    const failure = await transport.request({ method: 'GET', path: '/item/x' }).catch((error) => error);

    expect(failure).toBeInstanceOf(StateStoreError);
    expect(failure.code).toBe('state_store_failed');
    expect(failure.message).toMatch(
      /^zoom GET \/item\/x: the shared rate limit's store could not be reached/,
    );
    expect(failure.message).toContain('was not sent');
    expect(served).toEqual([]);
  });

  it('shares only the categories that have a rate: an unlimited one never asks the shared limit', async () => {
    serveItems();
    const asked: string[] = [];
    const transport = createHttpTransport({
      baseURL: base,
      rateLimit: { heavy: 10 },
      sharedRateLimit: {
        async reserve(category) {
          asked.push(category);
          return 0;
        },
        async hold() {},
      },
    });
    await transport.request({ method: 'GET', path: '/item/a', category: 'light' });
    await transport.request({ method: 'GET', path: '/item/b', category: 'heavy' });
    expect(asked).toEqual(['heavy']);
  });

  it('refuses a shared limit without its methods, or without rates to share, naming the option', () => {
    expect(() =>
      createHttpTransport({ baseURL: base, rateLimit: 10, sharedRateLimit: {} as SharedRateLimit }),
    ).toThrow(ConfigurationError);
    expect(() =>
      createHttpTransport({ baseURL: base, sharedRateLimit: createMemorySharedRateLimit() }),
    ).toThrow(/sharedRateLimit.*give rateLimit too/);
  });
});

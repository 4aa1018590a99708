import {
  AbortError,
  computeBackoffDelay,
  createHttpTransport,
  RateLimitError,
  type RetryEvent,
  ServerError,
  sleep,
} from '@channelkit/core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { settledState, useVirtualTime } from '../virtual-time';

const base = 'https://api.example.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

/** Answers with `statuses` in turn (then 200) and records the idempotency key of each request. */
function sequence(
  method: 'get' | 'post',
  path: string,
  statuses: number[],
  headers: Record<string, string> = {},
) {
  const keys: (string | null)[] = [];
  server.use(
    http[method](`${base}${path}`, ({ request }) => {
      keys.push(request.headers.get('idempotency-key'));
      const status = statuses[keys.length - 1] ?? 200;
      return HttpResponse.json({ n: keys.length }, { status, headers: status === 200 ? {} : headers });
    }),
  );
  return keys;
}

/** Counts the attempts a transport starts, from its `request` events (emitted as each attempt leaves). */
function attempts(transport: ReturnType<typeof createHttpTransport>): () => number {
  let count = 0;
  transport.on('request', () => {
    count++;
  });
  return () => count;
}

/** Resolves with the transport's next `retry` event. */
function nextRetry(transport: ReturnType<typeof createHttpTransport>): Promise<RetryEvent> {
  return new Promise((resolve) => transport.once('retry', resolve));
}

describe('retries', () => {
  it('computeBackoffDelay is full jitter under a capped exponential ceiling', () => {
    const retry = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(computeBackoffDelay(0, retry, () => 0.999)).toBe(99);
    expect(computeBackoffDelay(3, retry, () => 0.5)).toBe(400);
    expect(computeBackoffDelay(10, retry, () => 0.999)).toBe(999);
    expect(computeBackoffDelay(2, retry, () => 0)).toBe(0);
  });

  it('retries GET on 5xx and 408 and succeeds', async () => {
    const keys = sequence('get', '/flaky', [503, 408, 500]);
    const transport = createHttpTransport({ baseURL: base, retry: { baseDelayMs: 1 } });
    const response = await transport.request({ method: 'GET', path: '/flaky' });
    expect(response.data).toEqual({ n: 4 });
    expect(keys).toHaveLength(4);
  });

  it('gives up after maxRetries with the last error', async () => {
    const keys = sequence('get', '/down', [500, 500, 500]);
    const transport = createHttpTransport({ baseURL: base, retry: { maxRetries: 2, baseDelayMs: 1 } });
    await expect(transport.request({ method: 'GET', path: '/down' })).rejects.toBeInstanceOf(ServerError);
    expect(keys).toHaveLength(3);
  });

  it('does not retry a request with `retry: false` or a 4xx', async () => {
    const keys = sequence('get', '/once', [500]);
    const transport = createHttpTransport({ baseURL: base, retry: { baseDelayMs: 1 } });
    await expect(transport.request({ method: 'GET', path: '/once', retry: false })).rejects.toThrow(
      ServerError,
    );
    expect(keys).toHaveLength(1);
    const bad = sequence('get', '/bad', [400]);
    await expect(transport.request({ method: 'GET', path: '/bad' })).rejects.toMatchObject({ status: 400 });
    expect(bad).toHaveLength(1);
  });

  it('sends a POST without idempotency key exactly once on a 500', async () => {
    const keys = sequence('post', '/create', [500]);
    const transport = createHttpTransport({ baseURL: base, retry: { baseDelayMs: 1 } });
    await expect(transport.request({ method: 'POST', path: '/create', body: {} })).rejects.toBeInstanceOf(
      ServerError,
    );
    expect(keys).toHaveLength(1);
  });

  it('retries a POST with an idempotency key, sending the same key every time', async () => {
    const keys = sequence('post', '/create', [500, 502]);
    const transport = createHttpTransport({
      baseURL: base,
      idempotencyHeader: 'Idempotency-Key',
      retry: { baseDelayMs: 1 },
    });
    await transport.request({ method: 'POST', path: '/create', body: {}, idempotencyKey: 'order-42' });
    expect(keys).toEqual(['order-42', 'order-42', 'order-42']);
  });

  it('generates one key per logical request when the caller gave none', async () => {
    const keys = sequence('post', '/create', [500]);
    const transport = createHttpTransport({
      baseURL: base,
      idempotencyHeader: 'Idempotency-Key',
      retry: { baseDelayMs: 1 },
    });
    await transport.request({ method: 'POST', path: '/create', body: {} });
    await transport.request({ method: 'POST', path: '/create', body: {} });
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('retries a POST marked idempotent', async () => {
    const keys = sequence('post', '/search', [500]);
    const transport = createHttpTransport({ baseURL: base, retry: { baseDelayMs: 1 } });
    await transport.request({ method: 'POST', path: '/search', body: {}, idempotent: true });
    expect(keys).toHaveLength(2);
  });

  // The waits below run in virtual time (../virtual-time.ts): the clock moves only when the test moves it, so "not
  // before Retry-After" is asserted to the millisecond, on any machine.

  it('retries a 429 for any method, POST included, and honours Retry-After in seconds', async () => {
    useVirtualTime();
    const keys = sequence('post', '/create', [429], { 'Retry-After': '1' });
    const transport = createHttpTransport({ baseURL: base, retry: { baseDelayMs: 1 } });
    const started = attempts(transport);
    const retried = nextRetry(transport);
    const pending = transport.request({ method: 'POST', path: '/create', body: {} });

    expect(await retried).toMatchObject({ reason: 'rate_limited', status: 429, attempt: 1, delayMs: 1000 });
    // Not a millisecond before the second the platform asked for.
    await vi.advanceTimersByTimeAsync(999);
    expect(started()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(started()).toBe(2);
    await expect(pending).resolves.toMatchObject({ status: 200 });
    expect(keys).toHaveLength(2);
  });

  it('honours Retry-After as an HTTP date', async () => {
    useVirtualTime();
    vi.setSystemTime(new Date('2030-01-01T00:00:00.000Z'));
    const keys = sequence('get', '/later', [503], { 'Retry-After': 'Tue, 01 Jan 2030 00:00:02 GMT' });
    const transport = createHttpTransport({ baseURL: base, retry: { baseDelayMs: 1 } });
    const started = attempts(transport);
    const retried = nextRetry(transport);
    const pending = transport.request({ method: 'GET', path: '/later' });

    expect(await retried).toMatchObject({ reason: 'status', status: 503, delayMs: 2000 });
    await vi.advanceTimersByTimeAsync(1999);
    expect(started()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(started()).toBe(2);
    await expect(pending).resolves.toMatchObject({ status: 200 });
    expect(keys).toHaveLength(2);
  });

  it('caps Retry-After at maxDelayMs and reports retryAfterMs once retries run out', async () => {
    const keys = sequence('get', '/slow', [429, 429], { 'Retry-After': '3600' });
    const transport = createHttpTransport({
      baseURL: base,
      retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 20 },
    });
    const error = await transport.request({ method: 'GET', path: '/slow' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 3_600_000, retryable: true });
    expect(keys).toHaveLength(2);
  });

  it('stops with AbortError as soon as it is aborted during the backoff sleep, leaving no timer behind', async () => {
    useVirtualTime();
    const keys = sequence('get', '/busy', [503], { 'Retry-After': '10' });
    const transport = createHttpTransport({ baseURL: base });
    const controller = new AbortController();
    const retried = nextRetry(transport);
    const pending = transport.request({ method: 'GET', path: '/busy', signal: controller.signal });
    expect(await retried).toMatchObject({ delayMs: 10_000 });

    // No virtual time passes: the abort alone ends the 10 s wait.
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    expect(vi.getTimerCount()).toBe(0);
    expect(keys).toHaveLength(1);
  });

  it('rejects at once with AbortError when the signal is already aborted', async () => {
    const transport = createHttpTransport({ baseURL: base });
    const error = await transport
      .request({ method: 'GET', path: '/never', signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
  });

  it('sleep resolves after the delay and rejects with AbortError on abort', async () => {
    useVirtualTime();
    const isSettled = settledState(sleep(30));
    await vi.advanceTimersByTimeAsync(29);
    expect(isSettled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(isSettled()).toBe(true);

    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toMatchObject({ code: 'aborted', cause: new Error('stop') });
    expect(vi.getTimerCount()).toBe(0);
  });
});

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
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const base = 'https://api.example.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
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

  it('retries a 429 for any method, POST included, and honours Retry-After in seconds', async () => {
    const keys = sequence('post', '/create', [429], { 'Retry-After': '1' });
    const transport = createHttpTransport({ baseURL: base, retry: { baseDelayMs: 1 } });
    const retries: RetryEvent[] = [];
    transport.on('retry', (e) => retries.push(e));
    const started = performance.now();
    await transport.request({ method: 'POST', path: '/create', body: {} });
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(keys).toHaveLength(2);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ reason: 'rate_limited', status: 429, attempt: 1 });
    expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(1000);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const at = new Date(Date.now() + 2000).toUTCString(); // second precision: 1-2 s from now
    const keys = sequence('get', '/later', [503], { 'Retry-After': at });
    const transport = createHttpTransport({ baseURL: base, retry: { baseDelayMs: 1 } });
    const retries: RetryEvent[] = [];
    transport.on('retry', (e) => retries.push(e));
    const started = performance.now();
    await transport.request({ method: 'GET', path: '/later' });
    expect(keys).toHaveLength(2);
    expect(retries[0]?.delayMs).toBeGreaterThan(900);
    expect(performance.now() - started).toBeGreaterThanOrEqual(retries[0]?.delayMs ?? 0);
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

  it('stops promptly with AbortError when aborted during the backoff sleep', async () => {
    const keys = sequence('get', '/busy', [503], { 'Retry-After': '10' });
    const transport = createHttpTransport({ baseURL: base });
    const controller = new AbortController();
    transport.once('retry', () => setTimeout(() => controller.abort(), 20));
    const started = performance.now();
    const error = await transport
      .request({ method: 'GET', path: '/busy', signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(performance.now() - started).toBeLessThan(5000);
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
    const started = performance.now();
    await sleep(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toMatchObject({ code: 'aborted', cause: new Error('stop') });
  });
});

import {
  AbortError,
  ConfigurationError,
  createHttpTransport,
  MAX_TIMER_MS,
  parseRetryAfter,
  type RetryEvent,
  sleep,
} from '@channelkit/core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// Node runs a timer longer than 2^31 - 1 ms after 1 ms instead (with a TimeoutOverflowWarning): a timeout of
// 2^31 ms would fail every request at once and a long retry delay would hammer the platform.

const base = 'https://api.example.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

/** Collects the TimeoutOverflowWarnings Node emits while `run` runs (and a little after). */
async function overflowWarnings(run: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => {
    if (warning.name === 'TimeoutOverflowWarning') warnings.push(warning.message);
  };
  process.on('warning', onWarning);
  try {
    await run();
    await new Promise((resolve) => setTimeout(resolve, 20)); // warnings are emitted on a later tick
  } finally {
    process.off('warning', onWarning);
  }
  return warnings;
}

function settled(promise: Promise<unknown>): () => boolean {
  let done = false;
  promise.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  return () => done;
}

describe('timer limits', () => {
  it('refuses timeoutMs and retry delays above 2^31 - 1 ms, naming the option', () => {
    const cases = [
      [{ timeoutMs: 2 ** 31 }, 'timeoutMs'],
      [{ timeoutMs: 30 * 24 * 60 * 60 * 1000 }, 'timeoutMs'],
      [{ retry: { baseDelayMs: 2 ** 31 } }, 'retry.baseDelayMs'],
      [{ retry: { maxDelayMs: 2 ** 32 } }, 'retry.maxDelayMs'],
    ] as const;
    for (const [options, option] of cases) {
      let thrown: unknown;
      try {
        createHttpTransport({ baseURL: base, ...options });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigurationError);
      expect(thrown).toMatchObject({ option });
      expect((thrown as Error).message).toMatch(
        new RegExp(`^${option.replace('.', '\\.')} must be at most 2147483647 ms \\(about 24\\.8 days`),
      );
    }
    expect(MAX_TIMER_MS).toBe(2 ** 31 - 1);
    expect(() =>
      createHttpTransport({
        baseURL: base,
        timeoutMs: MAX_TIMER_MS,
        retry: { baseDelayMs: MAX_TIMER_MS, maxDelayMs: MAX_TIMER_MS },
      }),
    ).not.toThrow();
  });

  it('refuses a per-request timeoutMs or retry delay above the limit before sending anything', async () => {
    let calls = 0;
    server.use(
      http.get(`${base}/x`, () => {
        calls++;
        return HttpResponse.json({});
      }),
    );
    const transport = createHttpTransport({ baseURL: base });
    await expect(transport.request({ method: 'GET', path: '/x', timeoutMs: 2 ** 31 })).rejects.toMatchObject({
      code: 'configuration_error',
      option: 'timeoutMs',
    });
    await expect(
      transport.request({ method: 'GET', path: '/x', retry: { maxDelayMs: 2 ** 31 } }),
    ).rejects.toMatchObject({ code: 'configuration_error', option: 'retry.maxDelayMs' });
    expect(calls).toBe(0);
  });

  it('waits at most maxDelayMs of a huge Retry-After, in seconds or as an HTTP date', async () => {
    for (const retryAfter of ['99999999999', 'Fri, 31 Dec 9999 23:59:59 GMT']) {
      let calls = 0;
      server.use(
        http.get(`${base}/busy`, () => {
          calls++;
          return HttpResponse.json({}, { status: 429, headers: { 'retry-after': retryAfter } });
        }),
      );
      const transport = createHttpTransport({ baseURL: base, retry: { maxDelayMs: MAX_TIMER_MS } });
      const controller = new AbortController();
      const retries: RetryEvent[] = [];
      transport.on('retry', (event) => {
        retries.push(event);
        setTimeout(() => controller.abort(), 30);
      });
      const warnings = await overflowWarnings(async () => {
        await expect(
          transport.request({ method: 'GET', path: '/busy', signal: controller.signal }),
        ).rejects.toBeInstanceOf(AbortError);
      });
      expect(retries.map((r) => r.delayMs)).toEqual([MAX_TIMER_MS]);
      expect(calls).toBe(1); // the wait did not collapse to 1 ms
      expect(warnings).toEqual([]);
    }
  });

  it('parseRetryAfter treats a number too large to represent as unreadable', () => {
    expect(parseRetryAfter('9'.repeat(400))).toBeUndefined();
    expect(parseRetryAfter('99999999999')).toBe(99_999_999_999_000);
  });

  it('sleep waits the full delay beyond 2^31 - 1 ms instead of 1 ms', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const isSettled = settled(sleep(2 ** 31 + 10));
    await vi.advanceTimersByTimeAsync(1000);
    expect(isSettled()).toBe(false);
    await vi.advanceTimersByTimeAsync(2 ** 31 - 1000 - 1);
    expect(isSettled()).toBe(false);
    await vi.advanceTimersByTimeAsync(11);
    expect(isSettled()).toBe(true);
  });

  it('sleep of an overflowing delay stays pending and still aborts at once (real timers)', async () => {
    const controller = new AbortController();
    const warnings = await overflowWarnings(async () => {
      const pending = sleep(2 ** 32, controller.signal);
      const isSettled = settled(pending);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(isSettled()).toBe(false);
      controller.abort();
      await expect(pending).rejects.toBeInstanceOf(AbortError);
    });
    expect(warnings).toEqual([]);
  });

  it('a rate limit so low that the next slot is months away neither overflows a timer nor spins', async () => {
    let calls = 0;
    server.use(
      http.get(`${base}/slow`, () => {
        calls++;
        return HttpResponse.json({});
      }),
    );
    const transport = createHttpTransport({ baseURL: base, rateLimit: 1e-7 }); // one request per ~116 days
    const controller = new AbortController();
    const warnings = await overflowWarnings(async () => {
      await transport.request({ method: 'GET', path: '/slow' });
      const second = transport.request({ method: 'GET', path: '/slow', signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 50));
      controller.abort();
      await expect(second).rejects.toBeInstanceOf(AbortError);
    });
    expect(calls).toBe(1);
    expect(warnings).toEqual([]);
  });
});

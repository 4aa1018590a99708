import { ConfigurationError } from '../errors/configuration-error';
import { MAX_RESPONSE_BYTES_LIMIT, MAX_TIMER_MS } from './defaults';
import type { SharedRateLimit } from './shared-rate-limit';
import type { RetryOptions } from './transport-types';

// Options are checked when a transport is built, so a bad value fails at start-up with the option's name rather
// than on the first request.

/** An absolute http(s) base URL, without trailing slashes. */
export function checkBaseURL(baseURL: string): string {
  if (typeof baseURL !== 'string' || !/^https?:\/\/[^/]/i.test(baseURL)) {
    throw new ConfigurationError({
      option: 'baseURL',
      problem: `must be an absolute http(s) URL (got ${JSON.stringify(baseURL)})`,
    });
  }
  return baseURL.replace(/\/+$/, '');
}

// Node runs a timer longer than 2^31 - 1 ms after 1 ms (with a TimeoutOverflowWarning): a timeout of 30 days
// would fail every request at once and a retry delay that long would hammer the platform.
const timerLimit = `at most ${MAX_TIMER_MS} ms (about 24.8 days, the longest delay Node's timers support)`;

/** A positive, finite timeout no longer than Node's timers support: requests are never unbounded. */
export function checkTimeout(timeoutMs: number): number {
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new ConfigurationError({
      option: 'timeoutMs',
      problem: `must be a positive, finite number of milliseconds; requests are never unbounded (got ${timeoutMs})`,
    });
  }
  if (timeoutMs > MAX_TIMER_MS) {
    throw new ConfigurationError({
      option: 'timeoutMs',
      problem: `must be ${timerLimit} (got ${timeoutMs})`,
    });
  }
  return timeoutMs;
}

/** A retry policy with a whole number of retries and non-negative delays. */
export function checkRetry(retry: RetryOptions): RetryOptions {
  if (!Number.isInteger(retry.maxRetries) || retry.maxRetries < 0) {
    throw new ConfigurationError({
      option: 'retry.maxRetries',
      problem: `must be a non-negative integer (got ${retry.maxRetries})`,
    });
  }
  for (const key of ['baseDelayMs', 'maxDelayMs'] as const) {
    if (!Number.isFinite(retry[key]) || retry[key] < 0) {
      throw new ConfigurationError({
        option: `retry.${key}`,
        problem: `must be a non-negative, finite number of milliseconds (got ${retry[key]})`,
      });
    }
    if (retry[key] > MAX_TIMER_MS) {
      throw new ConfigurationError({
        option: `retry.${key}`,
        problem: `must be ${timerLimit} (got ${retry[key]})`,
      });
    }
  }
  return retry;
}

/** A whole, positive number of bytes, at most {@link MAX_RESPONSE_BYTES_LIMIT}. */
export function checkMaxResponseBytes(maxResponseBytes: number): number {
  if (
    typeof maxResponseBytes !== 'number' ||
    !Number.isInteger(maxResponseBytes) ||
    maxResponseBytes <= 0 ||
    maxResponseBytes > MAX_RESPONSE_BYTES_LIMIT
  ) {
    throw new ConfigurationError({
      option: 'maxResponseBytes',
      problem:
        `must be a whole number of bytes from 1 to ${MAX_RESPONSE_BYTES_LIMIT} (256 MiB); ` +
        `responses are never unbounded (got ${maxResponseBytes})`,
    });
  }
  return maxResponseBytes;
}

/** Positive request rates, for all categories or per category. */
export function checkRateLimit(rateLimit: number | Record<string, number>): number | Record<string, number> {
  const entries =
    typeof rateLimit === 'number' ? [['rateLimit', rateLimit] as const] : Object.entries(rateLimit);
  for (const [name, rate] of entries) {
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
      throw new ConfigurationError({
        option: name === 'rateLimit' ? 'rateLimit' : `rateLimit.${name}`,
        problem: `must be a positive number of requests per second (got ${rate})`,
      });
    }
  }
  return rateLimit;
}

/** A shared rate limit with its two methods, given together with the rates it shares. */
export function checkSharedRateLimit(
  shared: SharedRateLimit,
  rateLimit: number | Record<string, number> | undefined,
): SharedRateLimit {
  if (typeof shared?.reserve !== 'function' || typeof shared.hold !== 'function') {
    throw new ConfigurationError({
      option: 'sharedRateLimit',
      problem:
        "must have reserve() and hold() methods, such as createMemorySharedRateLimit() or a state store's sharedRateLimit(name)",
    });
  }
  if (rateLimit === undefined) {
    throw new ConfigurationError({
      option: 'sharedRateLimit',
      problem: 'shares the rates of rateLimit, which is not set: give rateLimit too',
    });
  }
  return shared;
}

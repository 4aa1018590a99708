import type { RetryOptions } from './transport-types';

/**
 * Delay before retry number `attempt` (0 for the first retry): capped exponential backoff with full jitter,
 * `random(0, min(maxDelayMs, baseDelayMs * 2^attempt))`, in milliseconds.
 * @param random Source of randomness in [0, 1); inject one for deterministic tests.
 */
export function computeBackoffDelay(
  attempt: number,
  retry: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

/**
 * Reads a `Retry-After` header (seconds or HTTP date) as milliseconds from now; `undefined` when absent or
 * unreadable (a number too large to represent counts as unreadable). Dates in the past give 0. The value is what
 * the platform asked for: the transport waits at most `retry.maxDelayMs` of it.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const ms = Math.round(Number(trimmed) * 1000);
    return Number.isFinite(ms) ? ms : undefined;
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

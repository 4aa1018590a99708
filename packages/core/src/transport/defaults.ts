import type { RetryOptions } from './transport-types';

/** The retry policy used when none is given: 3 retries, 500 ms base delay, 30 s cap. */
export const DEFAULT_RETRY: Readonly<RetryOptions> = Object.freeze({
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
});

/** Per-attempt timeout used when none is given, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The longest timeout or retry delay accepted, in milliseconds: 2^31 - 1 (about 24.8 days), the longest delay
 * Node's timers support. Node runs a longer timer after 1 ms instead, so longer values are refused.
 */
export const MAX_TIMER_MS = 2_147_483_647;

/** Largest response body read when `maxResponseBytes` is not given: 10 MiB, far above any page of these APIs. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** The highest `maxResponseBytes` accepted: 256 MiB, well below the longest string Node can hold. */
export const MAX_RESPONSE_BYTES_LIMIT = 256 * 1024 * 1024;

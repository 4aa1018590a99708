import type { RetryOptions } from './transport-types';

/** The retry policy used when none is given: 3 retries, 500 ms base delay, 30 s cap. */
export const DEFAULT_RETRY: Readonly<RetryOptions> = Object.freeze({
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
});

/** Per-attempt timeout used when none is given, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;

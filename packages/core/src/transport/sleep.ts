import { AbortError } from '../errors/network-errors';
import { MAX_TIMER_MS } from './defaults';

/**
 * Waits `ms` milliseconds; rejects with `AbortError` as soon as `signal` aborts (at once if it already has).
 * Delays longer than Node's timers support (2^31 - 1 ms) are waited in full, in several steps, rather than
 * cut to 1 ms; `NaN` and negative delays count as 0.
 * @example
 * await sleep(computeBackoffDelay(attempt, retry), signal);
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortErrorFrom(signal));
  return new Promise((resolve, reject) => {
    let remaining = Number.isNaN(ms) ? 0 : Math.max(ms, 0);
    let timer: ReturnType<typeof setTimeout>;
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortErrorFrom(signal as AbortSignal));
    };
    const arm = () => {
      const step = Math.min(remaining, MAX_TIMER_MS);
      remaining -= step;
      timer = setTimeout(remaining > 0 ? arm : done, step);
    };
    const done = () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    arm();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The {@link AbortError} for an aborted signal, with the signal's reason as `cause`. */
export function abortErrorFrom(signal: AbortSignal): AbortError {
  return new AbortError('The operation was aborted', { cause: signal.reason });
}

import { AbortError } from '../errors/network-errors';

/**
 * Waits `ms` milliseconds; rejects with `AbortError` as soon as `signal` aborts (at once if it already has).
 * @example
 * await sleep(computeBackoffDelay(attempt, retry), signal);
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortErrorFrom(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortErrorFrom(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The {@link AbortError} for an aborted signal, with the signal's reason as `cause`. */
export function abortErrorFrom(signal: AbortSignal): AbortError {
  return new AbortError('The operation was aborted', { cause: signal.reason });
}

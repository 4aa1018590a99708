import type { HttpTransport } from '@channelkit/core';
import { vi } from 'vitest';

// Virtual time for tests of timing behaviour (rate limits, backoff, timeouts). `setTimeout`, `performance.now()` and
// `Date` move only when the test moves them, while I/O (msw, loopback sockets) still runs for real. Tests then assert
// virtual times, orders and counts, which a busy machine cannot change: no assertion reads the wall clock.
// Call `vi.useRealTimers()` after each test (an `afterEach` in the test file).

/** Switches to virtual time: timers, `performance.now()` and `Date` stand still until the test advances them. */
export function useVirtualTime(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
}

/**
 * Lets real I/O and promise callbacks run, without moving virtual time, until `done()` holds: at least one turn of
 * the event loop, so that every promise callback already queued has run. Counts turns, not milliseconds.
 */
export async function until(done: () => boolean, what = 'the awaited condition'): Promise<void> {
  for (let turn = 0; turn < 100_000; turn++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (done()) return;
  }
  throw new Error(`${what} did not happen within 100000 turns of the event loop`);
}

/** Tells whether `promise` has settled yet, without awaiting it. */
export function settledState(promise: Promise<unknown>): () => boolean {
  let settled = false;
  promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  return () => settled;
}

/** A request as the transport sent it: path and virtual send time (`Date.now()` when it left). */
export interface SentAt {
  path: string;
  at: number;
}

/**
 * Follows a transport's `request` and `response` events: what it sent, when (in virtual time), and whether a request
 * is still waiting for its answer.
 */
export function watch(transport: HttpTransport) {
  const sent: SentAt[] = [];
  let answered = 0;
  transport.on('request', (event) => sent.push({ path: event.path, at: event.startedAt }));
  transport.on('response', () => {
    answered++;
  });
  return { sent, idle: () => answered === sent.length };
}

/**
 * Runs virtual time from one timer to the next until `work` settles, and returns its outcome. Before each step every
 * request in flight is answered (`idle()`), so a request reaches the server at the very virtual millisecond it was
 * sent and its answer is handled before time moves on, however slow the machine.
 */
export async function runTimers<T>(work: Promise<T>, idle: () => boolean): Promise<T> {
  const settled = settledState(work);
  for (let step = 0; step < 100_000; step++) {
    await until(() => settled() || idle(), 'the answers to the requests in flight');
    if (settled()) return work;
    if (vi.getTimerCount() === 0) throw new Error('no timer is left, yet the work has not finished');
    await vi.advanceTimersToNextTimerAsync();
  }
  throw new Error('the work did not finish within 100000 timers');
}

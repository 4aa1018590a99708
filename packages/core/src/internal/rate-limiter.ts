import { MAX_TIMER_MS } from '../transport/defaults';
import { abortErrorFrom } from '../transport/sleep';

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

interface Bucket {
  readonly configured: number;
  /** Current rate in requests per second; lowered on 429, raised back on successes. */
  rate: number;
  tokens: number;
  refilledAt: number;
  lastDecreaseAt: number;
  readonly queue: Waiter[];
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Called when a request has to wait: estimated delay, queue length (including it) and current rate. */
export type WaitListener = (delayMs: number, queued: number, rate: number) => void;

/**
 * Token buckets per category with FIFO queues and (almost) no burst: requests are spaced evenly at
 * about 1/rate, so a server counting "N per second" in any sliding window never sees more than N. On a 429 the
 * bucket halves its rate (once per wave of responses); each success adds back 1/20 of the configured rate.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #shared: Bucket | undefined;
  readonly #fallback: Bucket | undefined;

  constructor(limits: number | Record<string, number>) {
    if (typeof limits === 'number') {
      this.#shared = createBucket(limits);
    } else {
      for (const [category, rate] of Object.entries(limits)) this.#buckets.set(category, createBucket(rate));
      this.#fallback = this.#buckets.get('default');
    }
  }

  /** Resolves when `category` may send; `undefined` when it may send right away (no promise on the fast path). */
  acquire(
    category: string,
    signal: AbortSignal | undefined,
    onWait?: WaitListener,
  ): Promise<void> | undefined {
    const bucket = this.#bucket(category);
    if (bucket === undefined) return undefined;
    refill(bucket);
    if (bucket.queue.length === 0 && bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    if (signal?.aborted) return Promise.reject(abortErrorFrom(signal));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          const index = bucket.queue.indexOf(waiter);
          if (index !== -1) bucket.queue.splice(index, 1);
          reject(abortErrorFrom(signal));
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      bucket.queue.push(waiter);
      onWait?.(
        Math.ceil(((bucket.queue.length - bucket.tokens) / bucket.rate) * 1000),
        bucket.queue.length,
        bucket.rate,
      );
      schedule(bucket);
    });
  }

  /** A request sent at `sentAt` (performance.now()) got a 429: slow the category down. */
  throttled(category: string, sentAt: number): void {
    const bucket = this.#bucket(category);
    // Responses to requests sent before the last slow-down say nothing about the new rate.
    if (bucket === undefined || sentAt < bucket.lastDecreaseAt) return;
    bucket.rate = Math.max(bucket.configured / 16, bucket.rate / 2);
    bucket.lastDecreaseAt = performance.now();
    bucket.tokens = Math.min(bucket.tokens, 0);
  }

  /** A request in `category` succeeded: recover towards the configured rate. */
  succeeded(category: string): void {
    const bucket = this.#bucket(category);
    if (bucket === undefined || bucket.rate >= bucket.configured) return;
    refill(bucket);
    bucket.rate = Math.min(bucket.configured, bucket.rate + bucket.configured / 20);
  }

  /** The current rate of `category` in requests per second, `undefined` when unlimited. */
  rate(category: string): number | undefined {
    return this.#bucket(category)?.rate;
  }

  /** The rate `category` is paced at (its current rate less the pacing margin), `undefined` when unlimited. */
  pacedRate(category: string): number | undefined {
    const bucket = this.#bucket(category);
    return bucket === undefined ? undefined : pacedRate(bucket);
  }

  #bucket(category: string): Bucket | undefined {
    return this.#shared ?? this.#buckets.get(category) ?? this.#fallback;
  }
}

function createBucket(rate: number): Bucket {
  return {
    configured: rate,
    rate,
    tokens: 1,
    refilledAt: performance.now(),
    lastDecreaseAt: Number.NEGATIVE_INFINITY,
    queue: [],
    timer: undefined,
  };
}

// Timers fire late: up to slackMs of lateness is given back (the bucket holds slightly more than one
// token) instead of lost. To stay within N in ANY 1 s window despite that and despite jitter between
// sending and the server's clock, pacing runs at N per (1000 + marginMs) ms, i.e. 98.5% of the rate.
const slackMs = 3;
const marginMs = 15;

function pacedRate(bucket: Bucket): number {
  return (bucket.rate * 1000) / (1000 + marginMs);
}

function refill(bucket: Bucket): void {
  const now = performance.now();
  const rate = pacedRate(bucket);
  const capacity = 1 + (slackMs * rate) / 1000;
  bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.refilledAt) / 1000) * rate);
  bucket.refilledAt = now;
}

function schedule(bucket: Bucket): void {
  if (bucket.timer !== undefined || bucket.queue.length === 0) return;
  // A very low rate can ask for a wait longer than a timer supports; waking early is harmless (the bucket is
  // refilled and the wait scheduled again), whereas an overflowing timer would fire every millisecond.
  const waitMs = Math.min(
    MAX_TIMER_MS,
    Math.max(1, Math.ceil(((1 - bucket.tokens) / pacedRate(bucket)) * 1000)),
  );
  bucket.timer = setTimeout(() => {
    bucket.timer = undefined;
    refill(bucket);
    while (bucket.queue.length > 0 && bucket.tokens >= 1) {
      const waiter = bucket.queue.shift() as Waiter;
      bucket.tokens -= 1;
      if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve();
    }
    schedule(bucket);
  }, waitMs);
}

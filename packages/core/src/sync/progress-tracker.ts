import type { SyncTotals } from '@channelkit/types';
import {
  countOutcome,
  emptyTotals,
  type LicenceActionStatus,
  type LicenceApplyProgress,
} from './apply-report';

const WINDOW_MS = 10_000;

/** Counts settled actions and estimates the rate and the time left, for `onProgress`. */
export class ProgressTracker {
  readonly #total: number;
  readonly #startedAt = performance.now();
  readonly #totals: SyncTotals = emptyTotals();
  /** Settle times (performance.now()) of recent actions that made requests. */
  readonly #recent: number[] = [];
  #workLeft: number;

  /** `work` is how many actions will need requests (all but `noop` ones). */
  constructor(total: number, work: number) {
    this.#total = total;
    this.#workLeft = work;
  }

  /** Counts an outcome; `worked` tells whether the action made requests now. */
  settle(status: LicenceActionStatus, worked: boolean, wasWork: boolean): void {
    countOutcome(this.#totals, status);
    if (wasWork) this.#workLeft = Math.max(0, this.#workLeft - 1);
    if (worked) this.#recent.push(performance.now());
  }

  /** The progress now. */
  snapshot(): LicenceApplyProgress {
    const now = performance.now();
    while (this.#recent.length > 0 && (this.#recent[0] as number) < now - WINDOW_MS) this.#recent.shift();
    const elapsedMs = now - this.#startedAt;
    const spanMs = Math.min(WINDOW_MS, elapsedMs);
    const ratePerSecond = spanMs > 0 ? (this.#recent.length / spanMs) * 1000 : 0;
    const { applied, alreadyApplied, noop, stale, failed, notDone, actions } = this.#totals;
    return {
      total: this.#total,
      done: actions,
      applied,
      alreadyApplied,
      noop,
      stale,
      failed,
      notDone,
      ratePerSecond,
      etaMs:
        this.#workLeft === 0
          ? 0
          : ratePerSecond > 0
            ? Math.round((this.#workLeft / ratePerSecond) * 1000)
            : undefined,
      elapsedMs: Math.round(elapsedMs),
    };
  }
}

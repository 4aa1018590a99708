/** Actions of a platform that may start at once when an apply begins. */
export const INITIAL_RAMP = 2;

/**
 * Starts the actions of one platform a few at a time, and one more each time an action finishes, up to the run's
 * concurrency (as TCP's slow start does). Every action reads the account before it writes, and the platform's rate
 * limiter serves requests first come, first served: were all `limit` actions to start at once, the first write would
 * wait behind all of their reads, and a platform whose write budget is the scarce one (Zhumu's is a fifth of its
 * reads) would send no write for that long. Ramping up keeps the write budget in use from the first action, and
 * reaches the full concurrency after about `limit` actions.
 */
export class RampUp {
  readonly #limit: number;
  #window: number;
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(limit: number, initial = INITIAL_RAMP) {
    this.#limit = limit;
    this.#window = Math.max(1, Math.min(limit, initial));
  }

  /** Resolves when the action may start; `undefined` when it may start now. Pair every start with `finish`. */
  start(): Promise<void> | undefined {
    if (this.#running < this.#window) {
      this.#running += 1;
      return undefined;
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** An action that started has finished: the window grows by one, and waiting actions start while it allows. */
  finish(): void {
    this.#running -= 1;
    this.#window = Math.min(this.#limit, this.#window + 1);
    while (this.#running < this.#window && this.#waiting.length > 0) {
      this.#running += 1;
      (this.#waiting.shift() as () => void)();
    }
  }
}

/**
 * A token bucket holding `perSecond` tokens and refilled continuously at `perSecond` tokens per second, so a client
 * sending at exactly N requests per second never runs dry while a burst above N is refused.
 */
export class TokenBucket {
  readonly #perSecond: number;
  #tokens: number;
  #updatedAt: number;

  constructor(perSecond: number, now: number) {
    this.#perSecond = perSecond;
    this.#tokens = perSecond;
    this.#updatedAt = now;
  }

  /** The configured limit, requests per second. */
  get limit(): number {
    return this.#perSecond;
  }

  /** Takes one token; returns 0 on success, else the seconds until a token is available (at least 1). */
  take(now: number): number {
    const elapsed = Math.max(0, now - this.#updatedAt) / 1000;
    this.#tokens = Math.min(this.#perSecond, this.#tokens + elapsed * this.#perSecond);
    this.#updatedAt = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.#tokens) / this.#perSecond));
  }
}

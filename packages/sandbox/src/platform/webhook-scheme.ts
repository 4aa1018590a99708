/**
 * How a platform signs and delivers its webhooks, declared by a {@link SandboxPlatform} (its `webhooks` member) so
 * that the sandbox can deliver them as the platform would.
 */
export interface SandboxWebhookScheme {
  /** The headers that sign `body` with `secret` at `timestampMs` (the sandbox clock), content type included. */
  sign(body: string, secret: string, timestampMs: number): Record<string, string>;
  /**
   * The waits before each retry of a delivery that failed (no 2xx answer within the deadline), in milliseconds; after
   * the last the platform gives up. Zoom: 5, 20 and 60 minutes.
   */
  readonly retryDelaysMs: readonly number[];
  /** How long the platform waits for an answer, in milliseconds, before it counts the attempt as failed (Zoom: 3 s). */
  readonly deadlineMs: number;
  /**
   * The platform's URL-validation challenge, when it has one: the body to send (built from a random token), and a check
   * of the receiver's JSON answer with the secret.
   */
  readonly challenge?: {
    /** The challenge body for `token`. */
    body(token: string): string;
    /** Whether `answer` (the parsed JSON of a 200 answer) proves knowledge of `secret`. */
    accepts(answer: unknown, token: string, secret: string): boolean;
  };
}

/**
 * One change a hosted platform reports by webhook, published through `SandboxPlatformContext.publishWebhook`. The
 * sandbox signs `body` with the platform's scheme and delivers it to the URL configured for the platform, if any.
 */
export interface SandboxWebhookNotification {
  /** The platform's id of the event (what a receiver de-duplicates by). */
  readonly id: string;
  /** The platform's name of the event, e.g. `'account.created'`. */
  readonly event: string;
  /** The exact body to send, JSON as the platform writes it. */
  readonly body: string;
  /** Headers of the platform's own to send besides the signature, e.g. Bizconf's `X-Bizconf-App-Id`. */
  readonly headers?: Readonly<Record<string, string>>;
}

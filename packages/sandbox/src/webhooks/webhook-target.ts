/**
 * Where and how a hosted platform delivers its webhooks: the `webhooks` option of `createSandbox`/`startSandbox`, per
 * platform name. Duplicates, out-of-order deliveries and retries happen as on the real platform, drawn from the
 * sandbox's seeded PRNG.
 *
 * @example
 * ```ts
 * import { createSandbox } from '@channelkit/sandbox';
 *
 * const sandbox = createSandbox({
 *   webhooks: { zoom: { url: 'http://127.0.0.1:3000/webhooks/zoom', secret: 'sandbox-secret', duplicateRate: 0.2 } },
 * });
 * ```
 */
export interface SandboxWebhookTarget {
  /** The receiver's URL, e.g. `http://127.0.0.1:3000/webhooks/zoom`. */
  readonly url: string;
  /** The secret the platform signs with (Zoom: the app's secret token). */
  readonly secret: string;
  /** Probability in [0, 1] that a delivery is sent twice at once, as platforms occasionally do. Default 0. */
  readonly duplicateRate?: number;
  /** Probability in [0, 1] that a delivery is held back and sent after the next one. Default 0. */
  readonly outOfOrderRate?: number;
  /** Overrides the platform's retry waits in milliseconds (Zoom: 5, 20 and 60 minutes), e.g. short ones in tests. */
  readonly retryDelaysMs?: readonly number[];
  /** Overrides how long the platform waits for an answer, in milliseconds (Zoom: 3000). */
  readonly deadlineMs?: number;
}

/** The `webhooks` option of the sandbox: a target per platform name. */
export type SandboxWebhookTargets = Readonly<Record<string, SandboxWebhookTarget | undefined>>;

/** One attempt to deliver a webhook, as recorded in `sandbox.webhooks.deliveries`. */
export interface WebhookDeliveryRecord {
  /** The platform that sent it. */
  readonly platform: string;
  /** The event's id. */
  readonly id: string;
  /** The platform's name of the event. */
  readonly event: string;
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  readonly attempt: number;
  /** True for the second copy of a duplicated delivery. */
  readonly duplicate: boolean;
  /** The receiver's HTTP status, or `undefined` when no answer came (see `error`). */
  readonly status: number | undefined;
  /** Why no answer came: a connection error or the platform's deadline. */
  readonly error: string | undefined;
  /** When the attempt was sent, on the sandbox clock (epoch milliseconds). */
  readonly at: number;
}

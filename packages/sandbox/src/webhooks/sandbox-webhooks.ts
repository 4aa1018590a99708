import type { WebhookDeliveryRecord } from './webhook-target';

/** The result of {@link SandboxWebhooks.validate}. */
export interface WebhookValidationResult {
  /** Whether the receiver answered the challenge correctly. */
  readonly valid: boolean;
  /** The receiver's HTTP status, or `undefined` when it did not answer. */
  readonly status: number | undefined;
}

/** `sandbox.webhooks`: the deliveries made so far, and control over those under way. */
export interface SandboxWebhooks {
  /** Every delivery attempt so far, in the order they were sent. */
  readonly deliveries: readonly WebhookDeliveryRecord[];
  /**
   * Resolves once every delivery under way has succeeded or been given up, retries included (set short
   * `retryDelaysMs` in tests: Zoom's own wait up to an hour).
   */
  settled(): Promise<void>;
  /**
   * Sends the platform's URL-validation challenge to its webhook URL, as the platform does when the URL is saved and
   * every few days after, and checks the answer (Zoom: `endpoint.url_validation`).
   */
  validate(platform: string): Promise<WebhookValidationResult>;
  /** Stops delivering: retries pending are dropped. `startSandbox`'s `close()` does it. */
  stop(): void;
}

import { ConfigurationError } from '../errors/configuration-error';

/** The client's `webhooks` option: secrets, replay tolerance and de-duplication of incoming webhooks. */
export interface WebhookOptions {
  /**
   * The webhook secret, or several during a rotation (newest first): a delivery signed with any of them verifies.
   * @default the secret given to the adapter's factory, e.g. `zoom({ webhookSecretToken })`
   */
  secrets?: string | readonly string[] | undefined;
  /**
   * How far a delivery's signed timestamp may lie from the server's clock, in milliseconds, in either direction;
   * older deliveries are refused as replays. @default 300000 (5 minutes)
   */
  toleranceMs?: number | undefined;
  /**
   * How long a delivery's id is remembered, in milliseconds, so that a duplicate or a platform's retry is acknowledged
   * without emitting its events again. Longer than the platform's retry schedule. @default 259200000 (3 days)
   */
  dedupeTtlMs?: number | undefined;
  /** The clock, in milliseconds since the epoch; tests pass their own. @default Date.now */
  now?: (() => number) | undefined;
}

/** The webhook settings a client runs with. */
export interface WebhookSettings {
  /** Secrets from the client's options; empty when the adapter's apply. */
  secrets: readonly string[];
  /** Timestamp tolerance, milliseconds. */
  toleranceMs: number;
  /** How long a delivery id is remembered, milliseconds. */
  dedupeTtlMs: number;
  /** The clock. */
  now: () => number;
}

/** Default timestamp tolerance: 5 minutes, as Zoom and Stripe advise. */
export const DEFAULT_WEBHOOK_TOLERANCE_MS = 300_000;
/** Default memory of delivery ids: 3 days, beyond the retry schedules of every supported platform. */
export const DEFAULT_WEBHOOK_DEDUPE_TTL_MS = 259_200_000;

/** Fills in defaults and checks the values; throws `ConfigurationError` naming the option. */
export function resolveWebhookSettings(options: WebhookOptions | undefined): WebhookSettings {
  const secrets = toWebhookSecrets(options?.secrets, 'webhooks.secrets');
  return {
    secrets,
    toleranceMs: positive('webhooks.toleranceMs', options?.toleranceMs ?? DEFAULT_WEBHOOK_TOLERANCE_MS),
    dedupeTtlMs: positive('webhooks.dedupeTtlMs', options?.dedupeTtlMs ?? DEFAULT_WEBHOOK_DEDUPE_TTL_MS),
    now: options?.now ?? Date.now,
  };
}

/**
 * A webhook secret or list of secrets (an adapter factory's option) as a frozen list, newest first; throws
 * `ConfigurationError` naming `option` for an empty or non-text one.
 */
export function toWebhookSecrets(
  value: string | readonly string[] | undefined,
  option: string,
): readonly string[] {
  if (value === undefined) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) {
    throw new ConfigurationError({ option, problem: 'must be a string or a list of strings' });
  }
  list.forEach((secret, index) => {
    if (typeof secret !== 'string' || secret.length === 0) {
      throw new ConfigurationError({
        option: Array.isArray(value) ? `${option}[${index}]` : option,
        problem: 'must be a non-empty string',
      });
    }
  });
  return Object.freeze([...list]);
}

function positive(option: string, value: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new ConfigurationError({
      option,
      problem: `must be a positive whole number of milliseconds (got ${String(value)})`,
    });
  }
  return value;
}

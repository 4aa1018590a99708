import type { ChannelEvent, PartnerId } from '@channelkit/types';
import type { JsonValue } from '../idempotency/idempotency-store';

/**
 * The headers of a webhook request, read by name whatever their case. A header sent several times is refused with
 * `WebhookVerificationError` (reason `malformed_header`) when read, since a second signature must never be chosen
 * over the first by accident.
 */
export interface WebhookHeaderReader {
  /** The header's value, or `undefined` when it is absent. */
  get(name: string): string | undefined;
}

/** What the client hands an adapter's {@link WebhookVerifier} besides the request. */
export interface WebhookVerifyContext {
  /** The platform the adapter speaks to. */
  partner: PartnerId;
  /** Every secret currently accepted, newest first; a signature made with any of them verifies (key rotation). */
  secrets: readonly string[];
  /** How far, in milliseconds, a signed timestamp may lie from `now` in either direction. */
  toleranceMs: number;
  /** The time to check timestamps against, in milliseconds since the epoch. */
  now: number;
}

/** The answer to a platform's URL-validation challenge (Zoom's `endpoint.url_validation`): send it back as is. */
export interface WebhookChallenge {
  /** Discriminant. */
  kind: 'challenge';
  /** The HTTP answer the platform expects. */
  response: {
    /** HTTP status, usually 200. */
    status: number;
    /** The JSON body, e.g. Zoom's `{ plainToken, encryptedToken }`. */
    body: JsonValue;
  };
}

/** A verified delivery and the typed events it carries. */
export interface WebhookEvents {
  /** Discriminant. */
  kind: 'events';
  /**
   * The platform's id of this delivery's event: the same change delivered twice (a retry, a duplicate) has the same
   * id, so it de-duplicates deliveries.
   */
  deliveryId: string;
  /** The platform's own name of the event, e.g. `'account.created'`; for logs. */
  platformEvent: string;
  /**
   * The delivery's events as {@link ChannelEvent}s, validated. Empty when the platform reported something channelkit
   * does not map (e.g. a meeting event): acknowledge it and move on.
   */
  events: ChannelEvent[];
}

/** What a verified webhook request turns out to be: a URL-validation challenge, or events. */
export type WebhookVerification = WebhookChallenge | WebhookEvents;

/**
 * The webhook part of the adapter port ({@link PartnerAdapter.webhooks}): one platform's signature scheme and event
 * format. It is a pure function of its arguments; the client supplies the secrets, the clock and the tolerance, reads
 * the body, de-duplicates and emits. Throw `WebhookVerificationError` with the reason for anything that does not
 * verify, and compare signatures in constant time (`signaturesMatch`).
 */
export interface WebhookVerifier {
  /** The scheme's name, for logs, e.g. `'zoom-v0'`. */
  readonly scheme: string;
  /**
   * The body of the 200 answer the platform expects for an accepted delivery, e.g. Bizconf's
   * `{ code: 0, msg: 'success' }`. @default `{ received: true }` (and `duplicate: true` for a duplicate)
   */
  readonly acknowledgement?: JsonValue | undefined;
  /**
   * Checks the signature over the raw body (the bytes as received; a Node `Buffer` at run time) and headers, then maps
   * the body to events or answers a challenge.
   */
  verify(
    rawBody: Uint8Array,
    headers: WebhookHeaderReader,
    context: WebhookVerifyContext,
  ): WebhookVerification;
  /**
   * The secrets given to the adapter's factory (e.g. `zoom({ webhookSecretToken })`), newest first; a function, so
   * that printing the adapter never shows them. The client's `webhooks.secrets` option takes precedence.
   */
  secrets?(): readonly string[];
}

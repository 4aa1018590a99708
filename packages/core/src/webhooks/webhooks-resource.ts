import type { ChannelEvent, PartnerId } from '@channelkit/types';
import type { IdempotencyStore } from '../idempotency/idempotency-store';
import type { Logger } from '../logging/logger';
import { DeliveryDeduplicator } from './delivery-deduplicator';
import { createNodeHandler, type NodeHandlerOptions, type NodeWebhookHandler } from './node-handler';
import { verifyDelivery } from './verify-delivery';
import type { WebhookRequestHeaders } from './webhook-headers';
import type { WebhookSettings } from './webhook-options';
import type { WebhookVerification, WebhookVerifier } from './webhook-verifier';

/** `client.webhooks`: verifies the platform's webhooks and serves them to Node servers as typed events. */
export interface WebhooksResource {
  /**
   * Verifies one delivery from its raw body and headers with the platform's scheme (signature with any configured
   * secret, compared in constant time; timestamp within `webhooks.toleranceMs`) and maps it to typed events, or to the
   * answer of the platform's URL-validation challenge. It neither de-duplicates nor emits: `nodeHandler()` does.
   *
   * @param rawBody - the bytes as received (a `Buffer` or other `Uint8Array`, or a string); a parsed object is refused with a
   *   `WebhookVerificationError` (reason `parsed_body`) explaining how to get the raw body in Express, Fastify and Node.
   * @param headers - the request headers: Node's `req.headers`, a plain record or a Fetch `Headers`.
   * @throws WebhookVerificationError when the delivery does not verify; `reason` says why.
   * @throws ConfigurationError when no webhook secret is configured.
   * @throws UnsupportedOperationError when the platform sends no webhooks.
   * @example
   * const verification = client.webhooks.verify(rawBody, req.headers);
   * if (verification.kind === 'challenge') res.status(200).json(verification.response.body);
   * else for (const event of verification.events) console.log(event.type, event.id);
   */
  verify(rawBody: Uint8Array | string, headers: WebhookRequestHeaders): WebhookVerification;
  /**
   * A `(req, res)` handler for `http.createServer`, Express and similar. It reads the raw body (up to
   * `maxBodyBytes`), verifies it, answers the URL-validation challenge, acknowledges at once and emits the events on
   * the client afterwards (so slow listeners never make the platform time out), and processes each delivery once:
   * its id is claimed in the client's idempotency store, so instances sharing a networked store de-duplicate between
   * them. Answers: 200 (processed, or a duplicate), 400 malformed body, 401 missing or malformed headers, bad
   * signature or stale timestamp, 405 not a POST, 409 the same delivery is being processed elsewhere (the platform
   * retries), 413 body too large, 415 not JSON, 500 body parsed before the handler or no secret configured, 503 the
   * idempotency store failed (the platform retries). Each refusal is logged without secrets.
   * @example
   * import http from 'node:http';
   * http.createServer(client.webhooks.nodeHandler()).listen(3000);
   */
  nodeHandler(options?: NodeHandlerOptions): NodeWebhookHandler;
}

/** What the client hands {@link createWebhooksResource}. */
export interface WebhooksResourceContext {
  /** The platform. */
  partner: PartnerId;
  /** The adapter's verifier, absent when the platform has no webhooks. */
  verifier: WebhookVerifier | undefined;
  /** The client's webhook settings. */
  settings: WebhookSettings;
  /** The client's idempotency store. */
  store: IdempotencyStore;
  /** Namespace of the client's keys in the store (partner and adapter scope). */
  namespace: string;
  /** Emits one event on the client. */
  emit(event: ChannelEvent): void;
  /** The client's logger. */
  logger: Logger;
}

/** Builds `client.webhooks`. */
export function createWebhooksResource(context: WebhooksResourceContext): WebhooksResource {
  const verify = (rawBody: unknown, headers: WebhookRequestHeaders): WebhookVerification =>
    verifyDelivery(context, rawBody, headers);
  return {
    verify,
    nodeHandler: (options) =>
      createNodeHandler(
        {
          partner: context.partner,
          scheme: context.verifier?.scheme ?? 'none',
          acknowledgement: context.verifier?.acknowledgement,
          verify,
          deduplicator: new DeliveryDeduplicator(
            context.store,
            context.namespace,
            context.settings.dedupeTtlMs,
          ),
          emit: context.emit,
          logger: context.logger,
        },
        options,
      ),
  };
}

import { createHash } from 'node:crypto';
import type { IdempotencyStore } from '../idempotency/idempotency-store';

/** How long a claim on a delivery holds before another instance may take it over (its holder crashed). */
const CLAIM_LEASE_MS = 60_000;
// Every delivery shares one fingerprint: the same delivery id is the same delivery, whatever its bytes.
const FINGERPRINT = createHash('sha256').update('channelkit.webhook-delivery').digest('hex');

/** The answer of {@link DeliveryDeduplicator.claim}. */
export type DeliveryClaim =
  | {
      /** This handler processes the delivery, then calls `done`. */
      status: 'claimed';
      /** Marks the delivery processed, so that later copies are acknowledged without processing. */
      done(): Promise<boolean>;
    }
  | {
      /** Processed already, by this or another instance. */
      status: 'duplicate';
    }
  | {
      /** Another handler (in this process or another) is processing the same delivery right now. */
      status: 'in_progress';
    };

/**
 * Claims delivery ids in the client's idempotency store, so that instances sharing a networked store process each
 * delivery once between them: the store's atomic `claim` decides which of two concurrent copies wins.
 */
export class DeliveryDeduplicator {
  readonly #store: IdempotencyStore;
  readonly #namespace: string;
  readonly #ttlMs: number;

  constructor(store: IdempotencyStore, namespace: string, ttlMs: number) {
    this.#store = store;
    this.#namespace = namespace;
    this.#ttlMs = ttlMs;
  }

  /** Claims `deliveryId`; rejects when the store fails. */
  async claim(deliveryId: string): Promise<DeliveryClaim> {
    // Ids are signed by the platform but of any length; a long one is hashed to keep the key small.
    const id =
      deliveryId.length <= 200
        ? deliveryId
        : `sha256:${createHash('sha256').update(deliveryId).digest('hex')}`;
    const key = `webhook:${this.#namespace}:${encodeURIComponent(id)}`;
    const answer = await this.#store.claim({
      key,
      fingerprint: FINGERPRINT,
      operation: 'webhooks.delivery',
      leaseMs: CLAIM_LEASE_MS,
    });
    switch (answer.status) {
      case 'claimed':
        return {
          status: 'claimed',
          done: () => this.#store.complete(key, answer.token, { result: true, ttlMs: this.#ttlMs }),
        };
      case 'in_progress':
        return { status: 'in_progress' };
      // A key bound to another fingerprint cannot come from this class; it was seen, so it is not processed twice.
      case 'completed':
      case 'mismatch':
        return { status: 'duplicate' };
    }
  }
}

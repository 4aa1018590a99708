import { createHash } from 'node:crypto';
import type { OperationContext } from '@channelkit/core';
import type { ZoomCommerceTerm } from '../zoom-commerce-options';

/** What the Commerce operations share: where the API lives and the defaults of the orders they place. */
export interface CommerceScope {
  /** API base URL without a trailing slash. */
  readonly baseUrl: string;
  /** Separates the purchase order numbers of two partners (the partner account id). */
  readonly partnerId: string;
  /** Currency of new end customers and subscriptions. */
  readonly currency: string;
  /** Price list ordered when a provision input names no plan. */
  readonly defaultPlan: string | undefined;
  /** Term of new subscriptions. */
  readonly term: ZoomCommerceTerm;
  /** Whether new subscriptions renew by themselves. */
  readonly autoRenew: boolean;
  /** The partner's sales representative for deal registrations, when configured. */
  readonly salesRep: string | undefined;
  /** `opportunity_type` of deal registrations. */
  readonly opportunityType: string;
  /** How long a pending end-customer creation is followed, in milliseconds. */
  readonly accountCreationTimeoutMs: number;
}

/** Today as Zoom's order dates want it, `YYYY-MM-DD` (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * A purchase order number derived from the operation's idempotency key, so that every attempt of one call (and a
 * call repeated with the same key) places its order under the same `po_number`, which finds it again after an
 * ambiguous failure. 24 characters: `CK-` and 21 hex digits of a SHA-256 over the partner, the step and the key.
 */
export function purchaseOrderNumber(scope: CommerceScope, step: string, context: OperationContext): string {
  const digest = createHash('sha256')
    .update(`${scope.partnerId}\u0000${step}\u0000${context.idempotencyKey}`)
    .digest('hex');
  return `CK-${digest.slice(0, 21).toUpperCase()}`;
}

/** Names compare equal regardless of letter case, spacing and Unicode compatibility forms (full-width letters...). */
export function sameName(left: string, right: string): boolean {
  const normalize = (name: string) => name.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();
  return normalize(left) === normalize(right);
}

/** A path segment for an id the client or a validated answer vouched for. */
export function segment(id: string): string {
  return encodeURIComponent(id);
}

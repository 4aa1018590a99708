import type { OperationContext } from '@channelkit/core';
import { sendParsed } from '../../internal/request';
import { catalogSchema } from './commerce-wire-schemas';

/** A base-plan price list of the partner's catalog. */
export interface BasePlan {
  /** `price_list_id`, which orders cite as `offer_price_list_id`. */
  id: string;
  /** The price list's name. */
  name: string;
  /** The offer's name. */
  offerName: string;
  /** `billing_period`, e.g. `'Month'` or `'Annual'`. */
  billingPeriod: string | undefined;
}

/** How long the catalog is trusted before it is read again: ten minutes. */
const CATALOG_TTL_MS = 10 * 60 * 1000;

/**
 * The partner's base plans, from `POST /commerce/catalog` with `only_base_plans`, kept for ten minutes per adapter.
 * Subscription lines carry no offer type: which lines are base plans (and so count as seats) is known from here.
 */
export class BasePlanCatalog {
  #cached: { at: number; plans: ReadonlyMap<string, BasePlan> } | undefined;

  /** The base plans by price list id; reads the catalog when the cached copy is missing or old. */
  async plans(context: OperationContext, operation: string): Promise<ReadonlyMap<string, BasePlan>> {
    const cached = this.#cached;
    if (cached && performance.now() - cached.at < CATALOG_TTL_MS) return cached.plans;
    const catalog = await sendParsed(
      context,
      'medium',
      {
        operation: `${operation} (base plans of the catalog)`,
        method: 'POST',
        path: '/commerce/catalog',
        body: { filter_options: [], eligibility_criteria: { only_base_plans: true } },
        // A search, not a write: safe to repeat.
        idempotent: true,
      },
      catalogSchema,
    );
    const plans = new Map<string, BasePlan>();
    for (const offer of catalog.offers) {
      for (const product of offer.offer_products ?? []) {
        for (const priceList of product.price_list ?? []) {
          plans.set(priceList.price_list_id, {
            id: priceList.price_list_id,
            name: priceList.price_list_name ?? priceList.price_list_id,
            offerName: offer.offer_name,
            billingPeriod: priceList.billing_period ?? undefined,
          });
        }
      }
    }
    this.#cached = { at: performance.now(), plans };
    return plans;
  }
}

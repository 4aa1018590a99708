import { byCursorToken, type OperationContext, paginate } from '@channelkit/core';
import { sendParsed } from '../../internal/request';
import type { BasePlan } from './catalog';
import { segment } from './commerce-scope';
import {
  type SubscriptionDetails,
  subscriptionDetailsSchema,
  subscriptionListSchema,
} from './commerce-wire-schemas';

const SUBSCRIPTION_PAGE_SIZE = 300;

/** A base-plan line of an active subscription: what counts as seats. */
export interface BaseLine {
  subscription: SubscriptionDetails;
  priceListId: string;
  quantity: number;
}

function isActive(status: string | null | undefined): boolean {
  return status === undefined || status === null || status.toLowerCase() === 'active';
}

/** `GET /commerce/subscriptions/{number}`, validated. */
export function readSubscription(number: string, context: OperationContext, operation: string) {
  return sendParsed(
    context,
    'light',
    { operation, method: 'GET', path: `/commerce/subscriptions/${segment(number)}` },
    subscriptionDetailsSchema,
  );
}

/**
 * The base-plan lines of the customer's active subscriptions: the subscriptions are listed (`next_page_token`
 * paging, bounded), each one read for its lines (list entries have none), and the lines whose price list is a base
 * plan of the catalog kept.
 */
export async function activeBaseLines(
  crmAccountNumber: string,
  basePlans: ReadonlyMap<string, BasePlan>,
  context: OperationContext,
  operation: string,
): Promise<BaseLine[]> {
  const fetchPage = byCursorToken({
    fetch: (token) =>
      sendParsed(
        context,
        'medium',
        {
          operation: `${operation} (subscriptions)`,
          method: 'GET',
          path: '/commerce/subscriptions',
          query: {
            end_customer_crm_account_number: crmAccountNumber,
            status: 'Active',
            page_size: SUBSCRIPTION_PAGE_SIZE,
            next_page_token: token,
          },
        },
        subscriptionListSchema,
      ),
    items: (answer) => answer.subscription_list ?? [],
    next: (answer) => answer.next_page_token,
  });
  const listed = paginate(fetchPage, {
    ...context.pagination,
    signal: context.signal,
    what: 'zoom subscriptions',
  });
  const lines: BaseLine[] = [];
  for await (const entry of listed) {
    if (!isActive(entry.subscription_status)) continue;
    // The list filter is Zoom's; a subscription of another customer is never counted.
    const owner = entry.subscription_owner?.crm_account_number;
    if (owner && owner !== crmAccountNumber) continue;
    const subscription = await readSubscription(entry.subscription_number, context, operation);
    if (!isActive(subscription.status)) continue;
    for (const line of subscription.subscription_lines ?? []) {
      if (isActive(line.status) && basePlans.has(line.offer_price_list_id)) {
        lines.push({ subscription, priceListId: line.offer_price_list_id, quantity: line.quantity });
      }
    }
  }
  return lines;
}

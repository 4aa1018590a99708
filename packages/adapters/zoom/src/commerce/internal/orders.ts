import {
  byPageNumber,
  computeBackoffDelay,
  isAmbiguousFailure,
  type OperationContext,
  paginate,
  sleep,
} from '@channelkit/core';
import type { z } from 'zod';
import { sendParsed } from '../../internal/request';
import { orderAnswerSchema, orderListSchema, previewSchema } from './commerce-wire-schemas';

const MAX_WRITE_ATTEMPTS = 3;
const WRITE_BACKOFF = { maxRetries: MAX_WRITE_ATTEMPTS, baseDelayMs: 500, maxDelayMs: 5_000 };
const ORDER_PAGE_SIZE = 100;

/** An order body as `POST /commerce/order` and `/order/preview` take it. */
export interface OrderBody {
  header: { order_date: string; po_number?: string; order_description?: string };
  create_subscriptions?: unknown[];
  amend_subscriptions?: unknown[];
}

/** An order placed, or found again by its purchase order number. */
export interface PlacedOrder {
  orderReferenceId: string;
  /** How it came about: placed by this call, or found after an ambiguous failure (or by a repeated call). */
  origin: 'placed' | 'found';
}

/**
 * The order with this `po_number`, if the partner has one. `GET /commerce/orders` pages by `page_num` (not
 * `page_number`) and reports no page count, so a short page ends the walk; it is bounded all the same.
 */
export async function findOrderByPurchaseOrder(
  poNumber: string,
  context: OperationContext,
  operation: string,
): Promise<string | undefined> {
  const fetchPage = byPageNumber({
    fetch: (page) =>
      sendParsed(
        context,
        'medium',
        {
          operation: `${operation} (order lookup)`,
          method: 'GET',
          path: '/commerce/orders',
          query: { po_number: poNumber, page_size: ORDER_PAGE_SIZE, page_num: page },
        },
        orderListSchema,
      ),
    items: (answer) => answer.order_list ?? [],
    pageSize: ORDER_PAGE_SIZE,
  });
  const orders = paginate(fetchPage, {
    ...context.pagination,
    signal: context.signal,
    what: 'zoom commerce orders',
  });
  for await (const order of orders) {
    if (order.po_number === poNumber) return order.order_reference_id;
  }
  return undefined;
}

/**
 * Places an order at most once per purchase order number: after an ambiguous failure (timeout, reset, 5xx) the order
 * is looked up by `po_number` before anything is sent again. Business refusals (`errors[]` in a 200) are thrown by
 * the transport as typed errors and never repeated.
 */
export async function placeOrder(
  body: OrderBody & { header: { po_number: string } },
  context: OperationContext,
  operation: string,
): Promise<PlacedOrder & { answer?: z.output<typeof orderAnswerSchema> }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const answer = await sendParsed(
        context,
        'heavy',
        { operation, method: 'POST', path: '/commerce/order', body, idempotent: false },
        orderAnswerSchema,
      );
      context.logger.info('zoom commerce: order placed', {
        orderReferenceId: answer.order_reference_id,
        poNumber: body.header.po_number,
        attempt,
      });
      return { orderReferenceId: answer.order_reference_id, origin: 'placed', answer };
    } catch (error) {
      if (!isAmbiguousFailure(error)) throw error;
      const found = await findOrderByPurchaseOrder(body.header.po_number, context, operation);
      if (found !== undefined) {
        context.logger.info('zoom commerce: ambiguous order resolved by lookup; the order exists', {
          orderReferenceId: found,
          attempt,
        });
        return { orderReferenceId: found, origin: 'found' };
      }
      if (attempt >= MAX_WRITE_ATTEMPTS) throw error;
      context.logger.info('zoom commerce: ambiguous order left no order; placing it again', { attempt });
      await sleep(computeBackoffDelay(attempt, WRITE_BACKOFF), context.signal);
    }
  }
}

/** `POST /commerce/order/preview`: what the order would change, without placing it (a read: safe to repeat). */
export function previewOrder(body: OrderBody, context: OperationContext, operation: string) {
  return sendParsed(
    context,
    'heavy',
    {
      operation: `${operation} (order preview)`,
      method: 'POST',
      path: '/commerce/order/preview',
      body,
      idempotent: true,
    },
    previewSchema,
  );
}

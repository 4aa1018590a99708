import { ConflictError, type LicencesPort, NotFoundError, type OperationContext } from '@channelkit/core';
import type { CommitmentKind, LicenceChange, LicencePreview, LicenceState } from '@channelkit/types';
import type { BasePlan, BasePlanCatalog } from './catalog';
import { basePlanOf, refuseField } from './commerce-rules';
import { type CommerceScope, purchaseOrderNumber, today } from './commerce-scope';
import type { SubscriptionDetails } from './commerce-wire-schemas';
import { readEndCustomer } from './end-customers';
import { dateOf } from './mapping';
import { changeOf } from './money';
import { type OrderBody, placeOrder, previewOrder } from './orders';
import { activeBaseLines, type BaseLine } from './subscriptions';

const SUBJECT = 'licence change';

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Annual when the term commits for a year or more, or the price list bills yearly; monthly otherwise. */
function commitmentOf(subscription: SubscriptionDetails, plan: BasePlan | undefined): CommitmentKind {
  const term = subscription.current_term ?? subscription.initial_term;
  const months = term?.term_period ?? undefined;
  const inYears = term?.period_type?.toLowerCase().startsWith('year') ?? false;
  if (term?.term_type?.toUpperCase() === 'TERMED' && months !== undefined && (inYears || months >= 12))
    return 'annual';
  if (plan?.billingPeriod?.toLowerCase().startsWith('annual')) return 'annual';
  return 'monthly';
}

/** The licence state of a customer's base-plan lines: seats are their quantities. */
function stateOf(
  accountId: string,
  lines: readonly BaseLine[],
  plans: ReadonlyMap<string, BasePlan>,
): LicenceState {
  const primary = lines.reduce((best, line) => (line.quantity > best.quantity ? line : best));
  const subscription = primary.subscription;
  const term = subscription.current_term ?? subscription.initial_term;
  const start = dateOf(term?.start_date) ?? dateOf(subscription.start_date);
  const end = dateOf(term?.end_date) ?? dateOf(subscription.end_date);
  const state: LicenceState = {
    accountId,
    partner: 'zoom',
    plan: primary.priceListId,
    // Zoom's Commerce API reports no seat usage: `assigned` is left out, never guessed.
    seats: { purchased: lines.reduce((sum, line) => sum + line.quantity, 0) },
    commitment: commitmentOf(subscription, plans.get(primary.priceListId)),
    status: 'active',
  };
  if (start) state.term = end && end >= start ? { start, end } : { start };
  if (typeof subscription.auto_renew === 'boolean') state.autoRenew = subscription.auto_renew;
  return state;
}

/** The amendment that sets `seats` of `target` on the line: `update_offers`, or `upgrade_offers` for a new plan. */
function amendment(line: BaseLine, target: string, seats: number): OrderBody {
  const date = today();
  const change =
    target === line.priceListId
      ? { update_offers: [{ offer_price_list_id: target, quantity: seats, start_date: date }] }
      : {
          upgrade_offers: [
            {
              old_offer_price_list_id: line.priceListId,
              new_offer_price_list_id: target,
              quantity: seats,
              start_date: date,
            },
          ],
        };
  return {
    header: { order_date: date, order_description: `channelkit: ${seats} seats of ${target}` },
    amend_subscriptions: [{ subscription_number: line.subscription.subscription_number, ...change }],
  };
}

/** The licences port over Zoom's Partner Commerce API: seats are base-plan quantities, changed by amendment orders. */
export function commerceLicences(scope: CommerceScope, catalog: BasePlanCatalog): LicencesPort {
  async function read(accountId: string, operation: string, context: OperationContext) {
    const plans = await catalog.plans(context, operation);
    const lines = await activeBaseLines(accountId, plans, context, operation);
    if (lines.length === 0) {
      // An unknown account is a NotFoundError from Zoom itself; a known one without a base plan has no licences.
      await readEndCustomer(accountId, context, operation);
      throw new NotFoundError({
        status: 404,
        platform: 'zoom',
        request: { method: 'GET', url: `${scope.baseUrl}/commerce/subscriptions`, headers: {} },
        message:
          `Zoom end customer ${accountId} has no active subscription with a base plan, so it has no licences. ` +
          'Provision it with seats (which orders a base plan) first.',
      });
    }
    return { lines, plans };
  }

  /** The one base-plan line a change amends, and the plan it moves to; refuses what cannot be amended here. */
  async function target(
    accountId: string,
    change: LicenceChange,
    operation: string,
    context: OperationContext,
  ) {
    const { lines, plans } = await read(accountId, operation, context);
    if (lines.length > 1) {
      throw new ConflictError({
        status: 409,
        platform: 'zoom',
        request: { method: 'GET', url: `${scope.baseUrl}/commerce/subscriptions`, headers: {} },
        message:
          `Zoom end customer ${accountId} holds seats on ${lines.length} base-plan lines ` +
          `(${lines.map((line) => `${line.subscription.subscription_number}: ${line.quantity} of ${line.priceListId}`).join('; ')}); ` +
          'channelkit changes one. Change them with an order on Zoom, or cancel all but one first.',
      });
    }
    const line = lines[0] as BaseLine;
    const plan = change.plan ?? line.priceListId;
    if (plan !== line.priceListId) await basePlanOf(catalog, plan, 'plan', SUBJECT, context, operation);
    return { line, plans, plan, unchanged: plan === line.priceListId && change.seats === line.quantity };
  }

  return {
    get: async (accountId, context) => {
      const { lines, plans } = await read(accountId, 'licences.get', context);
      return stateOf(accountId, lines, plans);
    },

    set: async (accountId, change, context) => {
      const operation = 'licences.set';
      const { line, plans, plan, unchanged } = await target(accountId, change, operation, context);
      if (unchanged) {
        context.logger.info('zoom commerce: seats already as asked; nothing ordered', { accountId });
        return stateOf(accountId, [line], plans);
      }
      const body = amendment(line, plan, change.seats);
      // The preview is Zoom's own check (e.g. of a quantity below the licensed users), made before any write.
      const preview = await previewOrder(body, context, operation);
      const refusals = (preview.errors ?? []).filter((reason) => reason.trim() !== '').slice(0, 10);
      if (refusals.length > 0) {
        refuseField(
          SUBJECT,
          plan === line.priceListId ? 'seats' : 'plan',
          `Zoom refused ${change.seats} seats of ${plan} for end customer ${accountId} in its order preview: ` +
            `${refusals.map((reason) => reason.slice(0, 500)).join(' ')} Nothing was ordered.`,
        );
      }
      await placeOrder(
        { ...body, header: { ...body.header, po_number: purchaseOrderNumber(scope, operation, context) } },
        context,
        operation,
      );
      context.logger.info('zoom commerce: seats amended', { accountId, seats: change.seats, plan });
      // The order is placed: nothing may turn it into a reported failure. If reading it back fails, what the order
      // established is returned.
      try {
        const after = await read(accountId, operation, context);
        return stateOf(accountId, after.lines, after.plans);
      } catch (error) {
        context.logger.warn(
          'zoom commerce: seats amended, but reading them back failed; returning what the order set',
          {
            accountId,
            error: describe(error),
          },
        );
        return stateOf(accountId, [{ ...line, priceListId: plan, quantity: change.seats }], plans);
      }
    },

    preview: async (accountId, change, context): Promise<LicencePreview> => {
      const operation = 'licences.preview';
      const { line, plan, unchanged } = await target(accountId, change, operation, context);
      const before = { plan: line.priceListId, seats: line.quantity };
      const after = { plan, seats: change.seats };
      if (unchanged)
        return {
          accountId,
          partner: 'zoom',
          change,
          before,
          after,
          accepted: true,
          refusals: [],
          charges: {},
        };
      const preview = await previewOrder(amendment(line, plan, change.seats), context, operation);
      const currency = line.subscription.currency ?? scope.currency;
      const metrics = preview.order_metrics;
      const refusals = (preview.errors ?? [])
        .filter((reason) => reason.trim() !== '')
        .map((reason) => reason.slice(0, 2000))
        .slice(0, 50);
      const charges: LicencePreview['charges'] = {};
      const monthly = changeOf(metrics?.mrr, currency);
      const contract = changeOf(metrics?.tcv, currency);
      const billing = changeOf(metrics?.tcb, currency);
      if (monthly) charges.monthlyRecurring = monthly;
      if (contract) charges.contractValue = contract;
      if (billing) charges.billing = billing;
      if (typeof metrics?.total_discount_pct === 'number')
        charges.discountPercent = metrics.total_discount_pct;
      return {
        accountId,
        partner: 'zoom',
        change,
        before,
        after,
        accepted: refusals.length === 0,
        refusals,
        charges,
      };
    },
  };
}

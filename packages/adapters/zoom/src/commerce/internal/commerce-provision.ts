import { type OperationContext, PartiallyAppliedError } from '@channelkit/core';
import type { EnterpriseAccount, ProvisionAccountInput } from '@channelkit/types';
import { isPlanConflict, planConflict } from '../../internal/errors';
import type { BasePlan, BasePlanCatalog } from './catalog';
import { basePlanOf, refuseField, specFromProvision } from './commerce-rules';
import { type CommerceScope, purchaseOrderNumber, today } from './commerce-scope';
import type { AccountDetails } from './commerce-wire-schemas';
import {
  checkEndCustomerSpec,
  contactNumbers,
  type EndCustomerOrigin,
  obtainEndCustomer,
  readEndCustomer,
} from './end-customers';
import { toEnterpriseAccount } from './mapping';
import { placeOrder } from './orders';
import { activeBaseLines } from './subscriptions';

const OPERATION = 'accounts.provision';
const SUBJECT = 'provision input';

function appliedStep(origin: EndCustomerOrigin, details: AccountDetails): string {
  const id = details.crm_account_number;
  switch (origin) {
    case 'created':
      return `created end customer ${id}`;
    case 'found':
      return `end customer ${id} of this customer exists (found by profile.legalName and profile.country)`;
    case 'resumed':
      return `end customer ${id} was created by an earlier attempt`;
  }
}

/**
 * The customer's base-plan subscription with `seats` of `plan`: unless the account was just created, its active
 * subscriptions are read first (the same plan and seats count as done, anything else is a conflict to settle with
 * `licences.set`); then one order, which an ambiguous failure finds again by its purchase order number.
 */
async function ensureSubscription(
  scope: CommerceScope,
  catalog: BasePlanCatalog,
  input: ProvisionAccountInput,
  details: AccountDetails,
  plan: BasePlan,
  seats: number,
  checkFirst: boolean,
  context: OperationContext,
): Promise<void> {
  const crm = details.crm_account_number;
  if (checkFirst) {
    const lines = await activeBaseLines(crm, await catalog.plans(context, OPERATION), context, OPERATION);
    if (lines.length > 0) {
      const total = lines.reduce((sum, line) => sum + line.quantity, 0);
      if (total === seats && lines.every((line) => line.priceListId === plan.id)) {
        context.logger.info('zoom commerce: the subscription is already in place', { crmAccountNumber: crm });
        return;
      }
      const held = [...new Set(lines.map((line) => line.priceListId))].join(', ');
      throw planConflict(
        `Zoom end customer ${crm} already subscribes ${total} seats of ${held}, not ${seats} of ${plan.id}. Use ` +
          'licences.set to change seats or plan.',
        { method: 'GET', url: `${scope.baseUrl}/commerce/subscriptions`, requestId: undefined },
      );
    }
  }
  const { numbers } = await contactNumbers(details, [input.admin], context, OPERATION);
  const term = scope.term;
  await placeOrder(
    {
      header: {
        order_date: today(),
        po_number: purchaseOrderNumber(scope, OPERATION, context),
        order_description: `channelkit: ${seats} seats of ${plan.name}`,
      },
      create_subscriptions: [
        {
          end_customer_crm_account_number: crm,
          sold_to_crm_contact_number: numbers[0],
          initial_term: {
            term_type: term.type,
            ...(term.type === 'TERMED' ? { term_period: term.months ?? 12 } : {}),
          },
          // The subscription is in the account's currency (Zoom refuses another).
          currency: details.currency ?? input.currency ?? scope.currency,
          auto_renew: scope.autoRenew,
          add_offers: [{ offer_price_list_id: plan.id, quantity: seats }],
        },
      ],
    },
    context,
    OPERATION,
  );
}

/**
 * Provisions an end customer through Zoom's Partner Commerce API: the account (found by name and billing country, or
 * created and followed until Zoom has created it), then, when seats are asked for, a subscription order for the base
 * plan. When the account exists but the order could not be placed, throws `PartiallyAppliedError` naming the account:
 * repeating the call with the same idempotency key continues with it and places the order once.
 */
export async function provisionCommerceAccount(
  scope: CommerceScope,
  catalog: BasePlanCatalog,
  input: ProvisionAccountInput,
  context: OperationContext,
): Promise<EnterpriseAccount> {
  checkEndCustomerSpec(specFromProvision(input), {
    subject: SUBJECT,
    profile: 'profile',
    contact: () => 'admin',
  });
  let plan: BasePlan | undefined;
  if (input.seats !== undefined) {
    const id = input.plan ?? scope.defaultPlan;
    if (id === undefined) {
      refuseField(
        SUBJECT,
        'plan',
        "is required with seats: Zoom Partner Commerce orders name the offer price list to subscribe; pass plan, or set zoomCommerce()'s defaultPlan option",
      );
    }
    plan = await basePlanOf(catalog, id, 'plan', SUBJECT, context, OPERATION);
  }
  const remaining = plan ? [`order ${input.seats} seats of ${plan.id}`] : [];
  const { details, origin } = await obtainEndCustomer(scope, specFromProvision(input), context, {
    operation: OPERATION,
    remaining,
  });
  if (plan && input.seats !== undefined) {
    try {
      await ensureSubscription(
        scope,
        catalog,
        input,
        details,
        plan,
        input.seats,
        origin !== 'created',
        context,
      );
    } catch (error) {
      if (isPlanConflict(error)) throw error;
      throw new PartiallyAppliedError({
        platform: 'zoom',
        operation: OPERATION,
        resourceId: details.crm_account_number,
        applied: [appliedStep(origin, details)],
        remaining,
        advice:
          'Repeat the same call with the same idempotency key to finish it: it continues with end customer ' +
          `${details.crm_account_number}, creates no other, and finds an order already placed by its purchase order ` +
          'number. With a new key, the customer is found again by its name and country.',
        cause: error,
      });
    }
  }
  const account = toEnterpriseAccount(plan ? await readBack(details, context) : details);
  if (input.externalId !== undefined) account.externalId = input.externalId;
  return account;
}

/**
 * The account after its order (which gives it a Zoom account number); what was read before when reading again fails,
 * because the provisioning itself succeeded.
 */
async function readBack(details: AccountDetails, context: OperationContext): Promise<AccountDetails> {
  try {
    return await readEndCustomer(details.crm_account_number, context, OPERATION);
  } catch (error) {
    context.logger.warn('zoom commerce: provisioned, but reading the account back failed', {
      crmAccountNumber: details.crm_account_number,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
    return details;
  }
}

import { type OperationContext, ValidationError } from '@channelkit/core';
import type { ProvisionAccountInput, ReferralInput } from '@channelkit/types';
import type { BasePlan, BasePlanCatalog } from './catalog';
import type { EndCustomerSpec } from './end-customers';

/** The end customer a provisioning input describes: the profile, with the admin as its primary contact. */
export function specFromProvision(input: ProvisionAccountInput): EndCustomerSpec {
  const { profile } = input;
  return {
    legalName: profile.legalName,
    country: profile.country,
    employeeCount: profile.employeeCount,
    website: profile.website,
    address: profile.address,
    contacts: [input.admin],
    currency: input.currency,
  };
}

/** The end customer a referral describes, with its contacts (the first is the primary one). */
export function specFromReferral(input: ReferralInput): EndCustomerSpec {
  const { customer } = input;
  return {
    legalName: customer.legalName,
    country: customer.country,
    employeeCount: customer.employeeCount,
    website: customer.website,
    address: customer.address,
    contacts: input.contacts,
  };
}

/** Refuses a field, naming it and what to do. */
export function refuseField(subject: string, field: string, message: string): never {
  throw new ValidationError({
    message: `Invalid ${subject}: ${field}: ${message}`,
    issues: [{ path: field, message }],
  });
}

/**
 * The base plan a price list id names, from the catalog; refuses, naming `field`, an id that is not one of the
 * partner's base plans (an add-on, a typo, another partner's price list), before any write.
 */
export async function basePlanOf(
  catalog: BasePlanCatalog,
  id: string,
  field: string,
  subject: string,
  context: OperationContext,
  operation: string,
): Promise<BasePlan> {
  const plans = await catalog.plans(context, operation);
  const plan = plans.get(id);
  if (plan) return plan;
  const known = [...plans.keys()].slice(0, 10);
  refuseField(
    subject,
    field,
    `'${id}' is not a base-plan price list of your Zoom catalog (seats are the quantities of base plans). ` +
      (known.length > 0
        ? `Base plans: ${known.join(', ')}${plans.size > known.length ? ', …' : ''}.`
        : 'The catalog lists no base plan.'),
  );
}

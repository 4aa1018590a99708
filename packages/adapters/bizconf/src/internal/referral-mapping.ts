import type { Referral, ReferralContact, ReferralCustomer } from '@channelkit/types';
import { BIZCONF_LEAD_STATUSES, BIZCONF_OPPORTUNITY_STATUSES } from '../bizconf-referral-statuses';
import type { BizconfLead, BizconfOpportunity } from './referral-wire-schemas';

type WireCustomer = BizconfOpportunity['customer'];
type WireContact = BizconfOpportunity['contacts'][number];

function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined && field !== null),
  ) as T;
}

function customerOf(customer: WireCustomer, accountId?: string | null): ReferralCustomer {
  // Bizconf serves mainland customers only.
  return defined({
    legalName: customer.name,
    accountId: accountId ?? undefined,
    country: 'CN',
    industry: customer.industry ?? undefined,
    employeeCount: customer.scale ?? undefined,
    website: customer.website ?? undefined,
  });
}

function contactOf(contact: WireContact): ReferralContact {
  return defined({
    firstName: contact.givenName ?? undefined,
    lastName: contact.familyName ?? undefined,
    email: contact.email ?? undefined,
    // Bizconf writes mainland mobiles without the country code.
    phone: contact.mobile
      ? /^1\d{10}$/.test(contact.mobile)
        ? `+86${contact.mobile}`
        : contact.mobile
      : undefined,
    jobTitle: contact.jobTitle ?? undefined,
  });
}

const refs = (customer: WireCustomer): Record<string, string> =>
  customer.creditCode ? { creditCode: customer.creditCode } : {};
// Beijing times and dates: the calendar date of a time is its Beijing date.
const day = (time: string | null | undefined) => (time ? time.slice(0, 10) : undefined);
const money = (amount: number | null | undefined) =>
  amount === null || amount === undefined ? undefined : { amountMinor: amount, currency: 'CNY' };

/** An opportunity as a unified (outbound) referral; its status per the contract's table. */
export function referralFromOpportunity(opportunity: BizconfOpportunity): Referral {
  return defined({
    partner: 'bizconf',
    id: opportunity.opportunityId,
    direction: 'outbound' as const,
    name: opportunity.opportunityName,
    status: BIZCONF_OPPORTUNITY_STATUSES[opportunity.status],
    platformStatus: opportunity.status,
    reason: opportunity.reason ?? undefined,
    customer: customerOf(opportunity.customer, opportunity.enterpriseId),
    contacts: opportunity.contacts.map(contactOf),
    products: opportunity.products.map((product) => ({
      code: product.productCode,
      quantity: product.quantity,
    })),
    estimatedValue: money(opportunity.estimatedAmount),
    expectedCloseDate: opportunity.expectedCloseDate ?? undefined,
    submittedOn: day(opportunity.createTime),
    decidedOn: day(opportunity.auditTime),
    expiresOn: opportunity.protectEndDate ?? undefined,
    externalId: opportunity.externalId ?? undefined,
    externalRefs: refs(opportunity.customer),
  }) as Referral;
}

/** A lead as a unified (inbound) referral; its status per the contract's table. */
export function referralFromLead(lead: BizconfLead): Referral {
  return defined({
    partner: 'bizconf',
    id: lead.leadId,
    direction: 'inbound' as const,
    name: lead.title,
    status: BIZCONF_LEAD_STATUSES[lead.status],
    platformStatus: lead.status,
    reason: lead.reason ?? undefined,
    customer: customerOf(lead.customer),
    contacts: lead.contacts.map(contactOf),
    products: lead.products.map((product) => ({ code: product.productCode, quantity: product.quantity })),
    estimatedValue: money(lead.estimatedAmount),
    submittedOn: day(lead.assignTime),
    decidedOn: day(lead.decideTime),
    // An assigned lead must be answered by its deadline; after it, Bizconf lets the lead expire.
    expiresOn: lead.status === 'ASSIGNED' ? (lead.deadline ?? undefined) : undefined,
    externalRefs: refs(lead.customer),
  }) as Referral;
}

import type { Referral, ReferralContact, ReferralCustomer } from '@channelkit/types';
import { UMEET_LEAD_STATUSES, UMEET_REGISTRATION_STATUSES } from '../umeet-referral-statuses';
import type { UmeetLead, UmeetRegistration } from './referral-wire-schemas';

type WireCustomer = UmeetRegistration['customer'];
type WireContact = UmeetRegistration['contacts'][number];

function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined && field !== null),
  ) as T;
}

function customerOf(customer: WireCustomer, accountId?: string | null): ReferralCustomer {
  return defined({
    legalName: customer.name,
    accountId: accountId ?? undefined,
    country: customer.country ?? undefined,
    industry: customer.industry ?? undefined,
    employeeCount: customer.employee_count ?? undefined,
    website: customer.website ?? undefined,
  });
}

function contactOf(contact: WireContact): ReferralContact {
  return defined({
    firstName: contact.first_name ?? undefined,
    lastName: contact.last_name ?? undefined,
    email: contact.email ?? undefined,
    phone: contact.mobile ?? undefined,
    jobTitle: contact.job_title ?? undefined,
  });
}

function refs(customer: WireCustomer): Record<string, string> {
  return customer.credit_code ? { creditCode: customer.credit_code } : {};
}

// Umeet writes timestamps in UTC: the calendar date of one is its UTC date.
const day = (timestamp: string | null | undefined) => (timestamp ? timestamp.slice(0, 10) : undefined);

/** A deal registration as a unified (outbound) referral; its status per the contract's table. */
export function referralFromRegistration(registration: UmeetRegistration): Referral {
  return defined({
    partner: 'umeet',
    id: registration.id,
    direction: 'outbound' as const,
    name: registration.name,
    status: UMEET_REGISTRATION_STATUSES[registration.status],
    platformStatus: registration.status,
    reason: registration.status_reason ?? undefined,
    customer: customerOf(registration.customer, registration.account_id),
    contacts: registration.contacts.map(contactOf),
    products: registration.products.map(({ code, quantity }) => ({ code, quantity })),
    estimatedValue: registration.estimated_value
      ? {
          amountMinor: registration.estimated_value.amount_minor,
          currency: registration.estimated_value.currency,
        }
      : undefined,
    expectedCloseDate: registration.expected_close_date ?? undefined,
    submittedOn: day(registration.created_at),
    decidedOn: day(registration.decided_at),
    expiresOn: registration.protected_until ?? undefined,
    externalId: registration.external_id ?? undefined,
    externalRefs: refs(registration.customer),
  }) as Referral;
}

/** A lead as a unified (inbound) referral; its status per the contract's table. */
export function referralFromLead(lead: UmeetLead): Referral {
  return defined({
    partner: 'umeet',
    id: lead.id,
    direction: 'inbound' as const,
    name: lead.title,
    status: UMEET_LEAD_STATUSES[lead.status],
    platformStatus: lead.status,
    reason: lead.status_reason ?? undefined,
    customer: customerOf(lead.customer),
    contacts: lead.contacts.map(contactOf),
    products: lead.products.map(({ code, quantity }) => ({ code, quantity })),
    estimatedValue: lead.estimated_value
      ? { amountMinor: lead.estimated_value.amount_minor, currency: lead.estimated_value.currency }
      : undefined,
    submittedOn: day(lead.offered_at),
    decidedOn: day(lead.decided_at),
    // An offered lead must be answered by this date; after it, Umeet lets the lead expire.
    expiresOn: lead.status === 'offered' ? (lead.respond_by ?? undefined) : undefined,
    externalRefs: refs(lead.customer),
  }) as Referral;
}

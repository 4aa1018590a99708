import type { ChannelClient } from '@channelkit/core';
import type { EnterpriseAccount, LicenceState } from '@channelkit/types';

/** A customer record as a reseller's CRM might hold it. */
export interface CrmCustomer {
  crmId: string;
  company: string;
  /** ISO country of registration; Zoom serves customers outside mainland China. */
  country: string;
  /** Unified Social Credit Code, for companies registered in mainland China. */
  creditCode?: string | undefined;
  adminName: { given: string; family: string };
  adminEmail: string;
  adminMobile: string;
  /** Billing address; Zoom bills seats to a contact with street, city, state or province, and postal code. */
  address: { street: string; city: string; state?: string; postcode?: string; country: string };
  seats: number;
}

/** What onboarding produced, for the CRM to store. */
export interface Onboarded {
  account: EnterpriseAccount;
  licences: LicenceState;
}

/**
 * The reseller's own business logic: provision the customer with its seats, keyed by the CRM id so that a retry
 * after a crash or a timeout never creates a second account.
 */
export async function onboardCustomer(client: ChannelClient, customer: CrmCustomer): Promise<Onboarded> {
  const account = await client.accounts.provision(
    {
      profile: {
        legalName: customer.company,
        country: customer.country,
        creditCode: customer.creditCode,
        industry: 'software',
        employeeCount: '51-250',
        address: {
          line1: customer.address.street,
          city: customer.address.city,
          region: customer.address.state,
          postalCode: customer.address.postcode,
          country: customer.address.country,
        },
      },
      admin: {
        firstName: customer.adminName.given,
        lastName: customer.adminName.family,
        email: customer.adminEmail,
        mobile: customer.adminMobile,
      },
      seats: customer.seats,
      externalId: customer.crmId,
    },
    { idempotencyKey: `${customer.crmId}-provision` },
  );
  const licences = await client.licences.get(account.id);
  return { account, licences };
}

import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { text } from '../internal/text';
import { currencyCodeSchema } from '../primitives/currency-code';
import { seatCountSchema } from '../primitives/seat-count';
import type { Contact } from './contact';
import { contactSchema } from './contact';
import type { EnterpriseProfile } from './enterprise-profile';
import { enterpriseProfileSchema } from './enterprise-profile';

/**
 * What it takes to create an enterprise customer account on a platform: who the customer is, who administers the
 * account, and optionally the first licences. `client.accounts.provision` validates it before sending anything.
 *
 * @example
 * ```ts
 * import type { ProvisionAccountInput } from '@channelkit/types';
 *
 * const input: ProvisionAccountInput = {
 *   profile: { legalName: 'Example Pte. Ltd.', country: 'SG', industry: 'software', employeeCount: '51-250' },
 *   admin: { firstName: 'Wei', lastName: 'Wang', email: 'admin@example.com', mobile: '+6591234567' },
 *   seats: 25,
 *   externalId: 'crm-4711',
 * };
 * ```
 */
export interface ProvisionAccountInput {
  /** The customer: legal name, country, industry, size and, on the mainland, the Unified Social Credit Code. */
  profile: EnterpriseProfile;
  /** The customer's first administrator, who receives the activation mail (on Zoom: the account owner). */
  admin: Contact;
  /** Seats to license at creation, 1 to 1,000,000; when absent, the platform's default (on Zoom: no licences yet). */
  seats?: number | undefined;
  /** The platform's plan code, 1–64 characters, e.g. `'business_yearly'`; the adapter's default when absent. */
  plan?: string | undefined;
  /** Your own identifier for the customer (e.g. a CRM id), 1–128 characters, echoed back on the account. */
  externalId?: string | undefined;
  /**
   * Billing currency, an ISO 4217 code such as `'CNY'`; the platform's default when absent. Platforms that take no
   * currency refuse it rather than ignore it (see the adapter's `customerPolicy`).
   */
  currency?: string | undefined;
}

/** Validates and normalises a {@link ProvisionAccountInput}. */
export const provisionAccountInputSchema = schemaFor<ProvisionAccountInput>()(
  z.object({
    profile: enterpriseProfileSchema,
    admin: contactSchema,
    seats: seatCountSchema.optional(),
    plan: text(1, 64).optional(),
    externalId: text(1, 128).optional(),
    currency: currencyCodeSchema.optional(),
  }),
);

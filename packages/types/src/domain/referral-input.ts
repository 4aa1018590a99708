import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { paragraphs, text } from '../internal/text';
import { isoDateSchema } from '../primitives/iso-date';
import { type Money, moneySchema } from '../primitives/money';
import { MAX_SEATS } from '../primitives/seat-count';
import { type Contact, contactSchema } from './contact';
import type { EmployeeCountBand } from './employee-count-band';
import { enterpriseProfileShape } from './enterprise-profile';
import type { PostalAddress } from './postal-address';

/**
 * The prospective customer of a referral you submit: who they are and where. Mainland customers need no credit code
 * at this stage. Platforms that create the customer's account from it may need more (Zoom Partner Commerce: the web
 * site and a full address); their pages say which, and the adapter refuses what is missing before sending anything.
 */
export interface ReferralCustomerInput {
  /** Registered legal name, 1–200 characters; Chinese allowed. */
  legalName: string;
  /** Unified Social Credit Code, when known (never required for referrals, even on the mainland). */
  creditCode?: string | undefined;
  /** ISO 3166-1 alpha-2 country (or region), upper-cased on parsing. */
  country: string;
  /** Industry, 1–100 characters, e.g. `'software'`. */
  industry: string;
  /** Employee-count band, e.g. `'51-250'`. */
  employeeCount: EmployeeCountBand;
  /** Public web site, an `http(s)` URL with a domain name. */
  website?: string | undefined;
  /** Registered address. */
  address?: PostalAddress | undefined;
}

/** A product of interest in a referral you submit. */
export interface ReferralProductInput {
  /** The platform's product code or product group name, 1–200 characters (Zoom: a product group, e.g. `'Meetings'`). */
  code: string;
  /** How many (seats, rooms...), 1 to 1,000,000. */
  quantity: number;
}

/** Something your sales team did for the deal, e.g. a meeting or a demo. */
export interface ReferralActivity {
  /** What kind of activity, 1–100 characters, e.g. `'Meeting'` or `'Demo'`. */
  type: string;
  /** When, `YYYY-MM-DD`. */
  date: string;
}

/**
 * A referral to submit to a platform (a deal registration): the opportunity, the customer, the people and products
 * involved, and what it is worth. `client.referrals.submit` validates it before sending anything.
 *
 * @example
 * ```ts
 * import type { ReferralInput } from '@channelkit/types';
 *
 * const input: ReferralInput = {
 *   name: 'Example Pte. Ltd. – 250 seats',
 *   customer: { legalName: 'Example Pte. Ltd.', country: 'SG', industry: 'software', employeeCount: '251-500' },
 *   contacts: [{ firstName: 'Wei', lastName: 'Wang', email: 'wei@example.com', mobile: '+6591234567' }],
 *   products: [{ code: 'Meetings', quantity: 250 }],
 *   estimatedValue: { amountMinor: 500_000, currency: 'USD' },
 *   expectedCloseDate: '2026-09-30',
 * };
 * ```
 */
export interface ReferralInput {
  /** The opportunity's name, 1–200 characters; keep it unique per customer (it finds a retried submission again). */
  name: string;
  /** What the customer wants, 1–4000 characters; line breaks allowed. */
  description?: string | undefined;
  /** The prospective customer. */
  customer: ReferralCustomerInput;
  /**
   * The platform's id of the customer's account when it already has one (Zoom: the CRM account number); otherwise
   * the adapter finds the account by name and country, or creates it.
   */
  accountId?: string | undefined;
  /** People at the customer, 1 to 50; the first is the primary contact. */
  contacts: Contact[];
  /** Products of interest with quantities, 1 to 100. */
  products: ReferralProductInput[];
  /** Estimated monthly recurring value of the deal. */
  estimatedValue?: Money | undefined;
  /** Expected close date, `YYYY-MM-DD`. */
  expectedCloseDate: string;
  /** What your sales team did so far, up to 100 activities (Zoom requires at least one). */
  activities?: ReferralActivity[] | undefined;
  /** Whether you have met the customer's decision maker. @default false */
  decisionMakerMet?: boolean | undefined;
  /** Anything else the platform's reviewers should know, 1–4000 characters; line breaks allowed. */
  notes?: string | undefined;
  /** Your own identifier for the deal (e.g. a CRM id), 1–128 characters, echoed back on the referral. */
  externalId?: string | undefined;
}

/** Validates a product of a referral input. */
export const referralProductInputSchema = schemaFor<ReferralProductInput>()(
  z.object({
    code: text(1, 200),
    quantity: z
      .number({ error: 'must be a number, e.g. 25' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(MAX_SEATS, `must be at most ${MAX_SEATS}`),
  }),
);

/** Validates a sales activity. */
export const referralActivitySchema = schemaFor<ReferralActivity>()(
  z.object({ type: text(1, 100), date: isoDateSchema }),
);

/** Validates and normalises a {@link ReferralInput}. */
export const referralInputSchema = schemaFor<ReferralInput>()(
  z.object({
    name: text(1, 200),
    description: paragraphs(1, 4000).optional(),
    customer: enterpriseProfileShape.partial({ creditCode: true, website: true, address: true }),
    accountId: text(1, 128).optional(),
    contacts: z
      .array(contactSchema)
      .min(1, 'must list at least one contact')
      .max(50, 'must list at most 50 contacts'),
    products: z
      .array(referralProductInputSchema)
      .min(1, 'must list at least one product')
      .max(100, 'must list at most 100 products'),
    estimatedValue: moneySchema.optional(),
    expectedCloseDate: isoDateSchema,
    activities: z.array(referralActivitySchema).max(100, 'must list at most 100 activities').optional(),
    decisionMakerMet: z.boolean({ error: 'must be true or false' }).optional(),
    notes: paragraphs(1, 4000).optional(),
    externalId: text(1, 128).optional(),
  }),
);

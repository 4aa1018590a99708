import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { reportedText, text } from '../internal/text';
import { isoDateSchema, isoDateTimeSchema } from '../primitives/iso-date';
import { type Money, moneySchema } from '../primitives/money';
import { type PartnerId, partnerIdSchema } from '../primitives/partner-id';
import { type Contact, contactSchema } from './contact';
import type { EmployeeCountBand } from './employee-count-band';
import { enterpriseProfileShape } from './enterprise-profile';
import { type ReferralStatus, referralStatusSchema } from './referral-status';

/** Which way a referral goes: `outbound` from you to the platform, `inbound` from the platform to you. */
export const referralDirectionSchema = z.enum(['outbound', 'inbound'], {
  error: "must be 'outbound' or 'inbound'",
});

/** Which way a referral goes: `'outbound'` (you register a deal) or `'inbound'` (the platform hands you a lead). */
export type ReferralDirection = 'outbound' | 'inbound';

/** The prospective customer of a referral; only name and country are required at this stage. */
export interface ReferralCustomer {
  /** Registered legal name, 1–200 characters; Chinese allowed. */
  legalName: string;
  /** Unified Social Credit Code, when known (not required for referrals, even on the mainland). */
  creditCode?: string | undefined;
  /** ISO 3166-1 alpha-2 country (or region), upper-cased on parsing. */
  country: string;
  /** Industry, 1–100 characters. */
  industry?: string | undefined;
  /** Employee-count band. */
  employeeCount?: EmployeeCountBand | undefined;
  /** Public web site. */
  website?: string | undefined;
}

/** A product of interest in a referral, with a quantity. */
export interface ReferralProduct {
  /** The platform's product code, 1–64 characters. */
  code: string;
  /** How many, e.g. seats or rooms; at least 1. */
  quantity: number;
}

/** A deal referral (lead registration) between you and a platform. */
export interface Referral {
  /** The platform's id of the referral, or yours while it is a draft. */
  id: string;
  /** The platform, e.g. `'zoom'`. */
  partner: PartnerId;
  /** Which way the referral goes. */
  direction: ReferralDirection;
  /** The prospective customer; only `legalName` and `country` are required at this stage. */
  customer: ReferralCustomer;
  /** People at the customer; at least one. */
  contacts: Contact[];
  /** Products of interest; at least one. */
  products: ReferralProduct[];
  /** Estimated deal value. */
  estimatedValue?: Money | undefined;
  /** Expected close date, `YYYY-MM-DD`. */
  expectedCloseDate?: string | undefined;
  /** Current state; moves only along `REFERRAL_TRANSITIONS`. */
  status: ReferralStatus;
  /** Why the referral was declined, lost or cancelled, or what action is required (at most 10,000 characters). */
  reason?: string | undefined;
  /** The platform's own status text, for display and support (at most 1000 characters). */
  platformStatus?: string | undefined;
  /** When the referral was created, an RFC 3339 timestamp. */
  createdAt: string;
  /** When the referral last changed, an RFC 3339 timestamp. */
  updatedAt?: string | undefined;
}

/** Validates a {@link Referral}. */
export const referralSchema = schemaFor<Referral>()(
  z.object({
    id: z.string().min(1, 'must not be empty'),
    partner: partnerIdSchema,
    direction: referralDirectionSchema,
    customer: enterpriseProfileShape
      .pick({
        legalName: true,
        creditCode: true,
        country: true,
        industry: true,
        employeeCount: true,
        website: true,
      })
      .partial({ creditCode: true, industry: true, employeeCount: true, website: true }),
    contacts: z.array(contactSchema).min(1, 'must list at least one contact'),
    products: z
      .array(
        z.object({
          code: text(1, 64),
          quantity: z
            .number({ error: 'must be a number' })
            .int('must be a whole number')
            .min(1, 'must be at least 1'),
        }),
      )
      .min(1, 'must list at least one product'),
    estimatedValue: moneySchema.optional(),
    expectedCloseDate: isoDateSchema.optional(),
    status: referralStatusSchema,
    reason: reportedText(0, 10_000).optional(),
    platformStatus: reportedText(0, 1000).optional(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema.optional(),
  }),
);

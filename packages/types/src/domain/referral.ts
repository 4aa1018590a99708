import { z } from 'zod';
import { text } from '../internal/text';
import { isoDateSchema, isoDateTimeSchema } from '../primitives/iso-date';
import { moneySchema } from '../primitives/money';
import { partnerIdSchema } from '../primitives/partner-id';
import { contactSchema } from './contact';
import { enterpriseProfileShape } from './enterprise-profile';
import { referralStatusSchema } from './referral-status';

/** Which way a referral goes: `outbound` from you to the platform, `inbound` from the platform to you. */
export const referralDirectionSchema = z.enum(['outbound', 'inbound'], {
  error: "must be 'outbound' or 'inbound'",
});

/** Which way a referral goes. */
export type ReferralDirection = z.infer<typeof referralDirectionSchema>;

/** A deal referral (lead registration) between you and a platform. */
export const referralSchema = z.object({
  /** The platform's id of the referral, or yours while it is a draft. */
  id: z.string().min(1, 'must not be empty'),
  /** The platform. */
  partner: partnerIdSchema,
  /** Which way the referral goes. */
  direction: referralDirectionSchema,
  /** The prospective customer; only name and country are required at this stage. */
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
  /** People at the customer; at least one. */
  contacts: z.array(contactSchema).min(1, 'must list at least one contact'),
  /** Products of interest; at least one. */
  products: z
    .array(
      z.object({
        /** The platform's product code. */
        code: text(1, 64),
        /** How many, e.g. seats or rooms. */
        quantity: z
          .number({ error: 'must be a number' })
          .int('must be a whole number')
          .min(1, 'must be at least 1'),
      }),
    )
    .min(1, 'must list at least one product'),
  /** Estimated deal value. */
  estimatedValue: moneySchema.optional(),
  /** Expected close date. */
  expectedCloseDate: isoDateSchema.optional(),
  /** Current state. */
  status: referralStatusSchema,
  /** Why the referral was declined, lost or cancelled, or what action is required. */
  reason: z.string().optional(),
  /** The platform's own status text, for display and support. */
  platformStatus: z.string().optional(),
  /** When the referral was created. */
  createdAt: isoDateTimeSchema,
  /** When the referral last changed. */
  updatedAt: isoDateTimeSchema.optional(),
});

/** A deal referral between you and a platform. */
export type Referral = z.infer<typeof referralSchema>;

import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { reportedText } from '../internal/text';
import { isoDateSchema } from '../primitives/iso-date';
import { type Money, moneySchema } from '../primitives/money';
import { type PartnerId, partnerIdSchema } from '../primitives/partner-id';
import { type ReferralStatus, referralStatusSchema } from './referral-status';

/** Which way a referral goes: `outbound` from you to the platform, `inbound` from the platform to you. */
export const referralDirectionSchema = z.enum(['outbound', 'inbound'], {
  error: "must be 'outbound' or 'inbound'",
});

/** Which way a referral goes: `'outbound'` (you register a deal) or `'inbound'` (the platform hands you a lead). */
export type ReferralDirection = 'outbound' | 'inbound';

/** The prospective customer of a referral, as the platform reports it; only the name is always known. */
export interface ReferralCustomer {
  /** The customer's name as the platform stores it (1–1000 characters). */
  legalName: string;
  /** The platform's id of the customer's account, e.g. Zoom's CRM account number, when it has one. */
  accountId?: string | undefined;
  /** ISO 3166-1 alpha-2 country (or region) of the customer, when reported. */
  country?: string | undefined;
  /** Industry, as the platform words it. */
  industry?: string | undefined;
  /** Company size, in the platform's own bands (Zoom: `'51-250'`, `'Just Me'`...). */
  employeeCount?: string | undefined;
  /** Web site, as reported. */
  website?: string | undefined;
}

/** A person at the customer named on a referral, as the platform reports them; any field may be missing. */
export interface ReferralContact {
  /** Given name. */
  firstName?: string | undefined;
  /** Family name. */
  lastName?: string | undefined;
  /** E-mail address. */
  email?: string | undefined;
  /** Phone number, as reported (not necessarily E.164). */
  phone?: string | undefined;
  /** Job title. */
  jobTitle?: string | undefined;
  /** The platform's id of the contact, e.g. Zoom's contact CRM number. */
  platformId?: string | undefined;
}

/** A product of interest in a referral, with a quantity. */
export interface ReferralProduct {
  /** The platform's product code or group name, 1–200 characters. */
  code: string;
  /** How many, e.g. seats or rooms; a whole number, at least 1. */
  quantity: number;
}

/**
 * A referral between you and a platform, as the platform reports it: a deal you registered (`outbound`) or a lead
 * it handed you (`inbound`). `status` is the unified state, which moves only along `REFERRAL_TRANSITIONS`;
 * `platformStatus` is the platform's own word for it, kept beside it for display and support.
 *
 * @example
 * ```ts
 * import type { Referral } from '@channelkit/types';
 *
 * function line(referral: Referral): string {
 *   return `${referral.externalRefs.dealRegNumber ?? referral.id}: ${referral.status} (${referral.platformStatus})`;
 * }
 * ```
 */
export interface Referral {
  /** The platform holding the referral, e.g. `'zoom'`. */
  partner: PartnerId;
  /** The platform's id of the referral (Zoom: the deal registration number), unique within that platform. */
  id: string;
  /** Which way the referral goes. */
  direction: ReferralDirection;
  /** The opportunity's name, when the platform reports one (1–1000 characters). */
  name?: string | undefined;
  /** The unified state; moves only along `REFERRAL_TRANSITIONS`. */
  status: ReferralStatus;
  /** The platform's own status, unchanged (e.g. Zoom's `'Returned'`), 1–1000 characters. */
  platformStatus: string;
  /** Why the referral was returned, declined, revoked or lost, when the platform says (at most 10,000 characters). */
  reason?: string | undefined;
  /** The prospective customer. */
  customer: ReferralCustomer;
  /** People at the customer; listings may carry none (read the referral with `get` for them). */
  contacts: ReferralContact[];
  /** Products of interest with quantities; listings may carry none. */
  products: ReferralProduct[];
  /** Estimated monthly recurring value of the deal. */
  estimatedValue?: Money | undefined;
  /** Expected close date, `YYYY-MM-DD`. */
  expectedCloseDate?: string | undefined;
  /** When the referral was submitted, `YYYY-MM-DD`. */
  submittedOn?: string | undefined;
  /** When the platform accepted or declined it, `YYYY-MM-DD`. */
  decidedOn?: string | undefined;
  /** When the registration's protection ends, `YYYY-MM-DD` (an extension when the platform granted one). */
  expiresOn?: string | undefined;
  /** Your own identifier, as given at submission, where the platform stores or the call echoes it. */
  externalId?: string | undefined;
  /**
   * The platform's further identifiers by name, e.g. Zoom's `dealRegNumber` and `createReferenceId`. They are
   * references, not keys: match referrals by `partner` and `id`.
   */
  externalRefs: Record<string, string>;
}

const reported = reportedText(0, 1000);
const dateOnly = isoDateSchema;

/** Validates a {@link Referral}; the client checks every referral an adapter returns with it. */
export const referralSchema = schemaFor<Referral>()(
  z.object({
    partner: partnerIdSchema,
    id: z.string().min(1, 'must not be empty'),
    direction: referralDirectionSchema,
    name: reportedText(1, 1000).optional(),
    status: referralStatusSchema,
    platformStatus: reportedText(1, 1000),
    reason: reportedText(0, 10_000).optional(),
    customer: z.object({
      legalName: reportedText(1, 1000),
      accountId: reportedText(1, 1000).optional(),
      country: reported.optional(),
      industry: reported.optional(),
      employeeCount: reported.optional(),
      website: reportedText(0, 2000).optional(),
    }),
    contacts: z
      .array(
        z.object({
          firstName: reported.optional(),
          lastName: reported.optional(),
          email: reported.optional(),
          phone: reported.optional(),
          jobTitle: reported.optional(),
          platformId: reported.optional(),
        }),
      )
      .max(1000, 'must list at most 1000 contacts'),
    products: z
      .array(
        z.object({
          code: reportedText(1, 200),
          quantity: z
            .number({ error: 'must be a number' })
            .int('must be a whole number')
            .min(1, 'must be at least 1'),
        }),
      )
      .max(1000, 'must list at most 1000 products'),
    estimatedValue: moneySchema.optional(),
    expectedCloseDate: dateOnly.optional(),
    submittedOn: dateOnly.optional(),
    decidedOn: dateOnly.optional(),
    expiresOn: dateOnly.optional(),
    externalId: reportedText(1, 1000).optional(),
    externalRefs: z.record(z.string(), z.string()),
  }),
);

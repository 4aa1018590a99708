import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { paragraphs, text } from '../internal/text';
import { isoDateSchema } from '../primitives/iso-date';
import { type Money, moneySchema } from '../primitives/money';
import {
  type ReferralActivity,
  type ReferralProductInput,
  referralActivitySchema,
  referralProductInputSchema,
} from './referral-input';

/**
 * Changes to a referral: every field is optional, and a field given replaces the platform's value (`products` and
 * `activities` replace the whole list). `client.referrals.update` needs at least one field.
 *
 * @example
 * ```ts
 * import type { ReferralPatch } from '@channelkit/types';
 *
 * const patch: ReferralPatch = { products: [{ code: 'Meetings', quantity: 300 }], expectedCloseDate: '2026-10-31' };
 * ```
 */
export interface ReferralPatch {
  /** The opportunity's new name, 1–200 characters. */
  name?: string | undefined;
  /** A new description, 1–4000 characters. */
  description?: string | undefined;
  /** A new expected close date, `YYYY-MM-DD`. */
  expectedCloseDate?: string | undefined;
  /** A new estimated monthly recurring value. */
  estimatedValue?: Money | undefined;
  /** The products of interest, replacing the current list (1 to 100). */
  products?: ReferralProductInput[] | undefined;
  /** The sales activities, replacing the current list (up to 100). */
  activities?: ReferralActivity[] | undefined;
  /** Whether you have met the customer's decision maker. */
  decisionMakerMet?: boolean | undefined;
  /** New notes for the platform's reviewers, 1–4000 characters. */
  notes?: string | undefined;
}

/** Validates and normalises a {@link ReferralPatch}. */
export const referralPatchSchema = schemaFor<ReferralPatch>()(
  z.object({
    name: text(1, 200).optional(),
    description: paragraphs(1, 4000).optional(),
    expectedCloseDate: isoDateSchema.optional(),
    estimatedValue: moneySchema.optional(),
    products: z
      .array(referralProductInputSchema)
      .min(1, 'must list at least one product')
      .max(100, 'must list at most 100 products')
      .optional(),
    activities: z.array(referralActivitySchema).max(100, 'must list at most 100 activities').optional(),
    decisionMakerMet: z.boolean({ error: 'must be true or false' }).optional(),
    notes: paragraphs(1, 4000).optional(),
  }),
);

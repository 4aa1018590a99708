import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { reportedText } from '../internal/text';
import { type CurrencyCode, currencyCodeSchema } from '../primitives/currency-code';
import { type PartnerId, partnerIdSchema } from '../primitives/partner-id';
import { type LicenceChange, licenceChangeSchema } from './licence-change';

/** An amount a change adds (positive) or removes (negative), in the currency's minor unit. */
export interface MoneyChange {
  /** Signed amount in minor units (cents, fen), a whole number. */
  amountMinor: number;
  /** ISO 4217 currency code, e.g. `'USD'`. */
  currency: CurrencyCode;
}

/** Plan and seats at one side of a previewed change. */
export interface LicenceFigures {
  /** The platform's plan code (Zoom Partner Commerce: the offer price list id). */
  plan: string;
  /** Seats purchased. */
  seats: number;
}

/** What the change would cost or save, as the platform computes it; each figure only when the platform reports it. */
export interface LicencePreviewCharges {
  /** Change of the monthly recurring revenue (Zoom: the order's `mrr`). */
  monthlyRecurring?: MoneyChange | undefined;
  /** Change of the total contract value (Zoom: `tcv`). */
  contractValue?: MoneyChange | undefined;
  /** Change of the total billing over the term (Zoom: `tcb`). */
  billing?: MoneyChange | undefined;
  /** Discount the platform applies, in percent. */
  discountPercent?: number | undefined;
}

/**
 * What a licence change would do, in the platform's own words and figures, without making it: returned by
 * `client.licences.preview` on platforms that can preview (`capabilities.licences.preview`).
 *
 * @example
 * ```ts
 * import type { LicencePreview } from '@channelkit/types';
 *
 * function summary(preview: LicencePreview): string {
 *   if (!preview.accepted) return `refused: ${preview.refusals.join('; ')}`;
 *   const mrr = preview.charges.monthlyRecurring;
 *   return `${preview.before.seats} → ${preview.after.seats} seats${mrr ? `, MRR ${mrr.amountMinor / 100} ${mrr.currency}` : ''}`;
 * }
 * ```
 */
export interface LicencePreview {
  /** The platform's id of the account. */
  accountId: string;
  /** The platform, e.g. `'zoom'`. */
  partner: PartnerId;
  /** The change previewed. */
  change: LicenceChange;
  /** Plan and seats now. */
  before: LicenceFigures;
  /** Plan and seats after the change. */
  after: LicenceFigures;
  /** Whether the platform would accept the change as it stands. */
  accepted: boolean;
  /** The platform's reasons when it would not (empty when `accepted`), each at most 2000 characters. */
  refusals: string[];
  /** What the change would cost or save, as the platform computes it. */
  charges: LicencePreviewCharges;
}

const moneyChange = z.object({
  amountMinor: z
    .number({ error: 'must be an amount in minor units' })
    .int('must be a whole number of minor units'),
  currency: currencyCodeSchema,
});

const figures = z.object({
  plan: reportedText(1, 1000),
  seats: z.number().int('must be a whole number of seats').nonnegative('must not be negative'),
});

/** Validates a {@link LicencePreview}; the client checks every preview an adapter returns with it. */
export const licencePreviewSchema = schemaFor<LicencePreview>()(
  z.object({
    accountId: z.string().min(1, 'must not be empty'),
    partner: partnerIdSchema,
    change: licenceChangeSchema,
    before: figures,
    after: figures,
    accepted: z.boolean(),
    refusals: z.array(reportedText(1, 2000)).max(50, 'must list at most 50 refusals'),
    charges: z.object({
      monthlyRecurring: moneyChange.optional(),
      contractValue: moneyChange.optional(),
      billing: moneyChange.optional(),
      discountPercent: z.number().min(0).max(100).optional(),
    }),
  }),
);

import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { text } from '../internal/text';
import { MAX_PAGE_SIZE } from './list-accounts-query';
import { type ReferralDirection, referralDirectionSchema } from './referral';
import { type ReferralStatus, referralStatusSchema } from './referral-status';

/** Filters and paging for listing referrals; every field is optional and `{}` lists everything. */
export interface ListReferralsQuery {
  /** Only referrals in this unified state. */
  status?: ReferralStatus | undefined;
  /** Only referrals going this way. */
  direction?: ReferralDirection | undefined;
  /** Only referrals of this customer account (the platform's id, e.g. Zoom's CRM account number). */
  accountId?: string | undefined;
  /** Referrals fetched per platform request, 1 to 300; the adapter's default when absent. */
  pageSize?: number | undefined;
}

/** Validates a {@link ListReferralsQuery}. */
export const listReferralsQuerySchema = schemaFor<ListReferralsQuery>()(
  z.object({
    status: referralStatusSchema.optional(),
    direction: referralDirectionSchema.optional(),
    accountId: text(1, 128).optional(),
    pageSize: z
      .number({ error: 'must be a number, e.g. 100' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
      .optional(),
  }),
);

import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { type AccountStatus, accountStatusSchema } from './account-status';

/** The largest page a platform is asked for: 300 accounts. */
export const MAX_PAGE_SIZE = 300;

/** Filters and paging for listing accounts; every field is optional and `{}` lists everything. */
export interface ListAccountsQuery {
  /** Only accounts in this state. Platforms that cannot filter say in their guide what they list. */
  status?: AccountStatus | undefined;
  /** Accounts fetched per platform request, 1 to {@link MAX_PAGE_SIZE}; the adapter's default when absent. */
  pageSize?: number | undefined;
}

/** Validates a {@link ListAccountsQuery}. */
export const listAccountsQuerySchema = schemaFor<ListAccountsQuery>()(
  z.object({
    status: accountStatusSchema.optional(),
    pageSize: z
      .number({ error: 'must be a number, e.g. 100' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
      .optional(),
  }),
);

import { type PartnerId, partnerIdSchema, seatCountSchema } from '@channelkit/types';
import { z } from 'zod';
import { accountIdSchema } from '../client/account-id';

/**
 * One row of a desired licence list: the seats (and optionally the plan) an account should have. `partner` names the
 * platform in a hub's list; a client's list may leave it out (or must name the client's own platform).
 * @example
 * const desired: DesiredLicence[] = [
 *   { accountId: 'a1b2c3', seats: 25 },
 *   { accountId: 'd4e5f6', seats: 10, plan: 'business_yearly' },
 * ];
 */
export interface DesiredLicence {
  /** The platform holding the account; required in a hub's list. */
  partner?: PartnerId | undefined;
  /** The platform's id of the account. */
  accountId: string;
  /** The plan code the account should be on; its current plan when absent. */
  plan?: string | undefined;
  /** The total seats the account should have (not a delta), 1 to 1,000,000. */
  seats: number;
}

/** Validates one {@link DesiredLicence}; fields other than these four are ignored. */
export const desiredLicenceSchema: z.ZodType<DesiredLicence> = z.object({
  partner: partnerIdSchema.optional(),
  accountId: accountIdSchema,
  plan: z
    .string({ error: 'must be a plan code, e.g. business_yearly' })
    .min(1, 'must not be empty')
    .max(64, 'must be at most 64 characters')
    .optional(),
  seats: seatCountSchema,
});

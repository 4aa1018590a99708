import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { text } from '../internal/text';
import { seatCountSchema } from '../primitives/seat-count';

/**
 * A requested change of an account's licences: the new total seat count, and optionally a new plan.
 *
 * @example
 * ```ts
 * import type { LicenceChange } from '@channelkit/types';
 *
 * const change: LicenceChange = { seats: 40 }; // 40 seats in all, not 40 more
 * ```
 */
export interface LicenceChange {
  /** The total number of seats wanted (not a delta), 1 to 1,000,000. */
  seats: number;
  /** The platform's plan code to move to, 1–64 characters; the current plan when absent. */
  plan?: string | undefined;
}

/** Validates a {@link LicenceChange}. */
export const licenceChangeSchema = schemaFor<LicenceChange>()(
  z.object({
    seats: seatCountSchema,
    plan: text(1, 64).optional(),
  }),
);

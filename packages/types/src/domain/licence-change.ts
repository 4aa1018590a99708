import { z } from 'zod';
import { text } from '../internal/text';
import { seatCountSchema } from '../primitives/seat-count';

/** A requested change of an account's licences: the new total seat count, and optionally a new plan. */
export const licenceChangeSchema = z.object({
  /** The total number of seats wanted (not a delta). */
  seats: seatCountSchema,
  /** The platform's plan code to move to, 1–64 characters; the current plan when absent. */
  plan: text(1, 64).optional(),
});

/** A requested change of an account's licences. */
export type LicenceChange = z.infer<typeof licenceChangeSchema>;

import { z } from 'zod';
import { text } from '../internal/text';
import { seatCountSchema } from '../primitives/seat-count';
import { contactSchema } from './contact';
import { enterpriseProfileSchema } from './enterprise-profile';

/** What it takes to create an enterprise customer account on a platform. */
export const provisionAccountInputSchema = z.object({
  /** The customer. */
  profile: enterpriseProfileSchema,
  /** The customer's first administrator, who receives the activation mail. */
  admin: contactSchema,
  /** Seats to license at creation; the platform's default when absent. */
  seats: seatCountSchema.optional(),
  /** The platform's plan code, 1–64 characters; the platform's default when absent. */
  plan: text(1, 64).optional(),
  /** Your own identifier for the customer, 1–128 characters, echoed back on the account. */
  externalId: text(1, 128).optional(),
});

/** What it takes to create an enterprise customer account. */
export type ProvisionAccountInput = z.infer<typeof provisionAccountInputSchema>;

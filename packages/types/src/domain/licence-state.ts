import { z } from 'zod';
import { oneOf } from '../internal/text';
import { isoDateSchema } from '../primitives/iso-date';
import { partnerIdSchema } from '../primitives/partner-id';
import { commitmentKindSchema } from './commitment-kind';

const count = z
  .number({ error: 'must be a number of seats' })
  .int('must be a whole number of seats')
  .nonnegative('must not be negative');

/** Every state of a licence subscription. */
export const LICENCE_STATUSES = ['active', 'cancelled', 'expired'] as const;

/** A licence subscription's state, one of {@link LICENCE_STATUSES}. */
export const licenceStatusSchema = oneOf(LICENCE_STATUSES);

/** A licence subscription's state. */
export type LicenceStatus = z.infer<typeof licenceStatusSchema>;

/** The licences an account holds on a platform. */
export const licenceStateSchema = z.object({
  /** The platform's id of the account. */
  accountId: z.string().min(1, 'must not be empty'),
  /** The platform holding the account. */
  partner: partnerIdSchema,
  /** The platform's plan code. */
  plan: z.string().min(1, 'must not be empty'),
  /** Seat counts. */
  seats: z.object({
    /** Seats paid for. */
    purchased: count,
    /** Seats given to users. */
    assigned: count,
    /** The most seats the plan or reseller agreement allows, when the platform has such a limit. */
    cap: count.optional(),
    /** Seats ordered but not yet effective (e.g. waiting for payment or the next term). */
    pending: count.optional(),
  }),
  /** The current subscription term. */
  term: z
    .object({
      /** First day of the term. */
      start: isoDateSchema,
      /** Last day of the term; open-ended when absent. */
      end: isoDateSchema.optional(),
    })
    .refine((term) => term.end === undefined || term.end >= term.start, {
      message: 'must not end before it starts; check term.start and term.end',
      path: ['end'],
    })
    .optional(),
  /** Whether the term renews by itself. */
  autoRenew: z.boolean().optional(),
  /** Commitment kind. */
  commitment: commitmentKindSchema,
  /** Subscription state. */
  status: licenceStatusSchema.optional(),
});

/** The licences an account holds on a platform. */
export type LicenceState = z.infer<typeof licenceStateSchema>;

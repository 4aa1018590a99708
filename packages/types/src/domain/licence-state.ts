import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { oneOf, reportedText } from '../internal/text';
import { isoDateSchema } from '../primitives/iso-date';
import { type PartnerId, partnerIdSchema } from '../primitives/partner-id';
import { type CommitmentKind, commitmentKindSchema } from './commitment-kind';

const count = z
  .number({ error: 'must be a number of seats' })
  .int('must be a whole number of seats')
  .nonnegative('must not be negative');

/** Every state of a licence subscription. */
export const LICENCE_STATUSES = ['active', 'cancelled', 'expired'] as const;

/** A licence subscription's state, one of {@link LICENCE_STATUSES}. */
export const licenceStatusSchema = oneOf(LICENCE_STATUSES);

/** A licence subscription's state: `'active' | 'cancelled' | 'expired'`. */
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

/** Seat counts of an account; every count is a whole number, zero or more. Only `purchased` is always known. */
export interface SeatCounts {
  /** Seats paid for. */
  purchased: number;
  /**
   * Seats given to users, when the platform reports them. Zoom's Partner Commerce API does not: there the platform
   * itself refuses a seat count below the licensed users when the change is previewed or ordered.
   */
  assigned?: number | undefined;
  /** The most seats the plan or reseller agreement allows, when the platform has such a limit. */
  cap?: number | undefined;
  /** Seats ordered but not yet effective (e.g. waiting for payment or the next term), when the platform reports them. */
  pending?: number | undefined;
}

/** A subscription term, as calendar dates `YYYY-MM-DD`. */
export interface LicenceTerm {
  /** First day of the term. */
  start: string;
  /** Last day of the term (on Zoom: the next invoice date); open-ended when absent. Never before `start`. */
  end?: string | undefined;
}

/** The licences an account holds on a platform: plan, seats, term and commitment. */
export interface LicenceState {
  /** The platform's id of the account. */
  accountId: string;
  /** The platform holding the account, e.g. `'zoom'`. */
  partner: PartnerId;
  /** The platform's plan code, e.g. `'business_yearly'`. */
  plan: string;
  /** Seat counts: `purchased` and, where the platform reports them, `assigned`, `cap` and `pending`. */
  seats: SeatCounts;
  /** The current subscription term. */
  term?: LicenceTerm | undefined;
  /** Whether the term renews by itself. */
  autoRenew?: boolean | undefined;
  /** Commitment kind: `monthly`, `annual` (cannot shrink before renewal), `flexible` or `trial`. */
  commitment: CommitmentKind;
  /** Subscription state, when the platform reports it. */
  status?: LicenceStatus | undefined;
}

/** Validates a {@link LicenceState}; the client checks every licence state an adapter returns with it. */
export const licenceStateSchema = schemaFor<LicenceState>()(
  z.object({
    accountId: z.string().min(1, 'must not be empty'),
    partner: partnerIdSchema,
    plan: reportedText(1, 1000),
    seats: z.object({
      purchased: count,
      assigned: count.optional(),
      cap: count.optional(),
      pending: count.optional(),
    }),
    term: z
      .object({
        start: isoDateSchema,
        end: isoDateSchema.optional(),
      })
      .refine((term) => term.end === undefined || term.end >= term.start, {
        message: 'must not end before it starts; check term.start and term.end',
        path: ['end'],
      })
      .optional(),
    autoRenew: z.boolean().optional(),
    commitment: commitmentKindSchema,
    status: licenceStatusSchema.optional(),
  }),
);

import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { isoDateTimeSchema } from '../primitives/iso-date';
import { type PartnerId, partnerIdSchema } from '../primitives/partner-id';
import { type EnterpriseAccount, enterpriseAccountSchema } from './enterprise-account';
import { type LicenceState, licenceStateSchema } from './licence-state';
import {
  type AccountChangedEvent,
  accountChangedEventObject,
  type ReferralChangedEvent,
  referralChangedEventObject,
} from './platform-change-events';
import { type Referral, referralSchema } from './referral';
import { type ReferralStatus, referralStatusSchema } from './referral-status';
import { type SyncTotals, syncTotalsSchema } from './sync-totals';

/** Every event type, in the order of {@link channelEventSchema}'s members. */
export const CHANNEL_EVENT_TYPES = [
  'account.provisioned',
  'account.activated',
  'account.suspended',
  'account.closed',
  'licence.changed',
  'referral.received',
  'referral.updated',
  'sync.completed',
  'account.changed',
  'referral.changed',
  'referral.submitted',
] as const;

/** What every {@link ChannelEvent} carries. */
export interface ChannelEventBase {
  /** Stable id of the event: the same change reported twice carries the same id, so use it to de-duplicate. */
  id: string;
  /** The platform the event comes from, e.g. `'zoom'`. */
  partner: PartnerId;
  /** When the change happened on the platform, an RFC 3339 timestamp. */
  occurredAt: string;
}

/** An account was created (it may still be `provisioning` or `pending_verification`). */
export interface AccountProvisionedEvent extends ChannelEventBase {
  /** The event type. */
  type: 'account.provisioned';
  /** The account after the change. */
  account: EnterpriseAccount;
}

/** An account became usable, or was resumed after a suspension. */
export interface AccountActivatedEvent extends ChannelEventBase {
  /** The event type. */
  type: 'account.activated';
  /** The account after the change. */
  account: EnterpriseAccount;
}

/** An account was suspended. */
export interface AccountSuspendedEvent extends ChannelEventBase {
  /** The event type. */
  type: 'account.suspended';
  /** The account after the change. */
  account: EnterpriseAccount;
}

/** The relationship with an account ended. */
export interface AccountClosedEvent extends ChannelEventBase {
  /** The event type. */
  type: 'account.closed';
  /** The account after the change. */
  account: EnterpriseAccount;
}

/** An account's licences changed (seats, plan or term). */
export interface LicenceChangedEvent extends ChannelEventBase {
  /** The event type. */
  type: 'licence.changed';
  /** The platform's id of the account. */
  accountId: string;
  /** The licences before the change, when the platform reports them. */
  previous?: LicenceState | undefined;
  /** The licences after the change. */
  current: LicenceState;
}

/** The platform handed you a referral (an inbound lead). */
export interface ReferralReceivedEvent extends ChannelEventBase {
  /** The event type. */
  type: 'referral.received';
  /** The referral as received. */
  referral: Referral;
}

/** A referral changed state on the platform. */
export interface ReferralUpdatedEvent extends ChannelEventBase {
  /** The event type. */
  type: 'referral.updated';
  /** The referral after the change. */
  referral: Referral;
  /** The state before the change, when the platform reports it. */
  previousStatus?: ReferralStatus | undefined;
}

/** You submitted a referral to the platform (an outbound deal registration), through `client.referrals.submit`. */
export interface ReferralSubmittedEvent extends ChannelEventBase {
  /** The event type. */
  type: 'referral.submitted';
  /** The referral as the platform recorded it. */
  referral: Referral;
}

/**
 * A licence sync (`client.licences.apply(plan)`) finished on a platform: the plan's hash and how its actions ended.
 * A hub applying a plan across platforms emits one per platform.
 */
export interface SyncCompletedEvent extends ChannelEventBase {
  /** The event type. */
  type: 'sync.completed';
  /** The hash of the plan applied, `sha256:` and 64 hex digits; the same plan always has the same hash. */
  planHash: string;
  /** This platform's actions, counted by outcome. */
  totals: SyncTotals;
  /** True when nothing is left to do for this plan on this platform: no action failed or was left undone. */
  complete: boolean;
  /** True when the run was stopped by its `AbortSignal`. */
  aborted: boolean;
  /** How long the run took, in milliseconds. */
  durationMs: number;
}

/**
 * Something that changed on a platform, discriminated by `type`. Every event has `id`, `partner` and `occurredAt`;
 * account events carry the `account`, `licence.changed` the `current` (and when known `previous`) licence state,
 * referral events the `referral`, `sync.completed` the plan's hash and the outcome counts of a licence sync.
 * `account.changed` and `referral.changed` are what platforms report by webhook: the id and what changed, not the
 * whole record (see `client.webhooks`).
 *
 * @example
 * ```ts
 * import type { ChannelEvent } from '@channelkit/types';
 *
 * function describe(event: ChannelEvent): string {
 *   if (event.type === 'licence.changed') return `${event.accountId}: ${event.current.seats.purchased} seats`;
 *   if (event.type === 'referral.updated') return `${event.referral.id}: ${event.referral.status}`;
 *   return event.type;
 * }
 * ```
 */
export type ChannelEvent =
  | AccountProvisionedEvent
  | AccountActivatedEvent
  | AccountSuspendedEvent
  | AccountClosedEvent
  | LicenceChangedEvent
  | ReferralReceivedEvent
  | ReferralUpdatedEvent
  | SyncCompletedEvent
  | AccountChangedEvent
  | ReferralChangedEvent
  | ReferralSubmittedEvent;

const common = {
  id: z.string().min(1, 'must not be empty'),
  partner: partnerIdSchema,
  occurredAt: isoDateTimeSchema,
};

function accountEvent<const T extends (typeof CHANNEL_EVENT_TYPES)[number]>(type: T) {
  return z.object({ ...common, type: z.literal(type), account: enterpriseAccountSchema });
}

/**
 * Validates a {@link ChannelEvent} by its `type`.
 *
 * @example
 * ```ts
 * import { channelEventSchema } from '@channelkit/types';
 *
 * const payload: unknown = JSON.parse('{"type":"account.closed"}');
 * const result = channelEventSchema.safeParse(payload);
 * if (result.success && result.data.type === 'account.closed') console.log(result.data.account.id);
 * ```
 */
export const channelEventSchema = schemaFor<ChannelEvent>()(
  z.discriminatedUnion('type', [
    accountEvent('account.provisioned'),
    accountEvent('account.activated'),
    accountEvent('account.suspended'),
    accountEvent('account.closed'),
    z.object({
      ...common,
      type: z.literal('licence.changed'),
      accountId: z.string().min(1, 'must not be empty'),
      previous: licenceStateSchema.optional(),
      current: licenceStateSchema,
    }),
    z.object({ ...common, type: z.literal('referral.received'), referral: referralSchema }),
    z.object({
      ...common,
      type: z.literal('referral.updated'),
      referral: referralSchema,
      previousStatus: referralStatusSchema.optional(),
    }),
    z.object({
      ...common,
      type: z.literal('sync.completed'),
      planHash: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'must be sha256: followed by 64 hex digits'),
      totals: syncTotalsSchema,
      complete: z.boolean(),
      aborted: z.boolean(),
      durationMs: z.number().nonnegative('must not be negative'),
    }),
    accountChangedEventObject,
    referralChangedEventObject,
    z.object({ ...common, type: z.literal('referral.submitted'), referral: referralSchema }),
  ]),
);

/** The `type` of a {@link ChannelEvent}, e.g. `'account.activated'`. */
export type ChannelEventType = ChannelEvent['type'];

/** The member of {@link ChannelEvent} with the given `type`, e.g. `ChannelEventOf<'licence.changed'>`. */
export type ChannelEventOf<T extends ChannelEventType> = Extract<
  ChannelEvent,
  {
    /** The event type to pick. */
    type: T;
  }
>;

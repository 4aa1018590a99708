import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { oneOf, paragraphs } from '../internal/text';
import type { ReferralStatus } from './referral-status';

/**
 * The lifecycle calls of `client.referrals` and the state each one moves a referral to. Each is allowed only from
 * the states `REFERRAL_TRANSITIONS` lists for its target:
 *
 * | action     | moves to    | typical use                                                          |
 * | ---------- | ----------- | -------------------------------------------------------------------- |
 * | `accept`   | `accepted`  | take on an inbound lead                                              |
 * | `decline`  | `declined`  | turn an inbound lead down                                            |
 * | `markWon`  | `won`       | the accepted deal closed                                             |
 * | `markLost` | `lost`      | the accepted deal was lost                                           |
 * | `cancel`   | `cancelled` | withdraw a referral                                                  |
 * | `resubmit` | `submitted` | answer a platform that asked for more (`action_required`) and submit |
 */
export const REFERRAL_ACTIONS = {
  /** `accept` moves a referral to `accepted`. */
  accept: 'accepted',
  /** `decline` moves a referral to `declined`. */
  decline: 'declined',
  /** `markWon` moves a referral to `won`. */
  markWon: 'won',
  /** `markLost` moves a referral to `lost`. */
  markLost: 'lost',
  /** `cancel` moves a referral to `cancelled`. */
  cancel: 'cancelled',
  /** `resubmit` moves a referral to `submitted`. */
  resubmit: 'submitted',
} as const satisfies Readonly<Record<string, ReferralStatus>>;

/** A lifecycle call of `client.referrals`: `'accept' | 'decline' | 'markWon' | 'markLost' | 'cancel' | 'resubmit'`. */
export type ReferralAction = keyof typeof REFERRAL_ACTIONS;

/** Validates a {@link ReferralAction}. */
export const referralActionSchema = oneOf(
  Object.keys(REFERRAL_ACTIONS) as [ReferralAction, ...ReferralAction[]],
);

/** What a lifecycle call may say besides the referral: why, for the platform and for your records. */
export interface ReferralTransitionInput {
  /** Why (e.g. why a lead is declined or a deal lost), 1–2000 characters; line breaks allowed. */
  reason?: string | undefined;
}

/** Validates a {@link ReferralTransitionInput}. */
export const referralTransitionInputSchema = schemaFor<ReferralTransitionInput>()(
  z.object({ reason: paragraphs(1, 2000).optional() }),
);

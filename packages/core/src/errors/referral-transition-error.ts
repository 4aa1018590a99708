import { REFERRAL_TRANSITIONS, type ReferralStatus } from '@channelkit/types';
import { ChannelError, type ChannelErrorCode } from './channel-error';

/** Options of {@link ReferralTransitionError}. */
export interface ReferralTransitionErrorOptions {
  /** Platform name, e.g. `zoom`. */
  platform: string;
  /** The referral's id. */
  referralId: string;
  /** The call that was refused, e.g. `referrals.resubmit` or `referrals.update`. */
  operation: string;
  /** The state the referral is in, as just read from the platform. */
  from: ReferralStatus;
  /** The state the call would move it to; `undefined` for a call that changes details only (`update`). */
  to: ReferralStatus | undefined;
}

/**
 * A referral cannot make the move a call asks for from the state it is in, per `REFERRAL_TRANSITIONS` (for example
 * `resubmit` of an `accepted` deal, or `update` of a `won` one). The client reads the referral's current state and
 * refuses before any write, so nothing was changed. `from` and `to` name both states; `allowed` lists where the
 * referral may go instead.
 * @example
 * if (isChannelError(error) && error.code === 'referral_transition_refused') {
 *   const { from, to } = error as ReferralTransitionError;
 * }
 */
export class ReferralTransitionError extends ChannelError {
  override readonly name: string = 'ReferralTransitionError';
  override readonly code: ChannelErrorCode = 'referral_transition_refused';
  /** Platform name. */
  readonly platform: string;
  /** The referral's id. */
  readonly referralId: string;
  /** The refused call. */
  readonly operation: string;
  /** The state the referral is in. */
  readonly from: ReferralStatus;
  /** The state the call would have moved it to (`undefined` for `update`). */
  readonly to: ReferralStatus | undefined;
  /** The states the referral may move to from `from`; empty when `from` is final. */
  readonly allowed: readonly ReferralStatus[];

  /** Creates the error; the message names both states and what is allowed instead. */
  constructor(options: ReferralTransitionErrorOptions) {
    const allowed = REFERRAL_TRANSITIONS[options.from];
    const where = `${options.platform} referral ${options.referralId} is ${options.from}`;
    const instead =
      allowed.length === 0
        ? `${options.from} is a final state: nothing moves it on`
        : `from ${options.from} it may move to ${allowed.join(', ')}`;
    super(
      options.to === undefined
        ? `${options.operation} refused: ${where}, a final state, so its details cannot change. Nothing was sent.`
        : `${options.operation} refused: ${where}; moving it to ${options.to} is not allowed (${instead}). ` +
            'Nothing was sent. Read it with referrals.get to see where it stands.',
    );
    this.platform = options.platform;
    this.referralId = options.referralId;
    this.operation = options.operation;
    this.from = options.from;
    this.to = options.to;
    this.allowed = allowed;
  }
}

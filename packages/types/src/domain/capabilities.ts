import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';

/** Which enterprise-account operations an adapter supports. */
export interface AccountCapabilities {
  /** `accounts.provision`: create accounts. */
  provision: boolean;
  /** `accounts.get`: read one account. */
  get: boolean;
  /** `accounts.list`: list accounts. */
  list: boolean;
  /** `accounts.suspend`: suspend accounts. */
  suspend: boolean;
  /** `accounts.resume`: lift suspensions. */
  resume: boolean;
  /** `accounts.close`: close accounts. */
  close: boolean;
}

/** Which licence operations an adapter supports. */
export interface LicenceCapabilities {
  /** `licences.get`: read an account's licences. */
  get: boolean;
  /** `licences.set`: change an account's seats or plan. */
  set: boolean;
  /** `licences.preview`: ask the platform what a change would do, with its own figures, without making it. */
  preview: boolean;
}

/**
 * Which referral operations an adapter supports. The lifecycle calls (`accept` ... `resubmit`) are checked against
 * `REFERRAL_TRANSITIONS` as well: a supported call is still refused from a state that does not allow it.
 */
export interface ReferralCapabilities {
  /** `referrals.submit`: submit referrals (deal registrations) to the platform. */
  outbound: boolean;
  /** The platform hands you referrals (leads), which `list` and `get` then return as `inbound`. */
  inbound: boolean;
  /** `referrals.get`: read one referral. */
  get: boolean;
  /** `referrals.list`: list referrals. */
  list: boolean;
  /** `referrals.update`: change an open referral's details. */
  update: boolean;
  /** `referrals.accept`: accept an inbound lead. */
  accept: boolean;
  /** `referrals.decline`: decline an inbound lead. */
  decline: boolean;
  /** `referrals.markWon`: report an accepted deal as won. */
  markWon: boolean;
  /** `referrals.markLost`: report an accepted deal as lost. */
  markLost: boolean;
  /** `referrals.cancel`: withdraw a referral. */
  cancel: boolean;
  /** `referrals.resubmit`: submit again, with changes, a referral the platform returned (`action_required`). */
  resubmit: boolean;
}

/**
 * Referral capabilities of a platform without referrals: every flag `false`. Adapters of such platforms declare
 * `referrals: NO_REFERRAL_CAPABILITIES`.
 */
export const NO_REFERRAL_CAPABILITIES: Readonly<ReferralCapabilities> = Object.freeze({
  outbound: false,
  inbound: false,
  get: false,
  list: false,
  update: false,
  accept: false,
  decline: false,
  markWon: false,
  markLost: false,
  cancel: false,
  resubmit: false,
});

/**
 * What a platform's adapter can do, as data; an operation that is `false` fails with `UnsupportedOperationError`
 * without sending anything, so callers can branch on `client.capabilities` first.
 */
export interface Capabilities {
  /** Enterprise-account operations. */
  accounts: AccountCapabilities;
  /** Licence operations. */
  licences: LicenceCapabilities;
  /** Referral operations. */
  referrals: ReferralCapabilities;
  /** Whether the platform pushes events by webhook. */
  webhooks: boolean;
}

/** Validates {@link Capabilities}: every flag is required. */
export const capabilitiesSchema = schemaFor<Capabilities>()(
  z.object({
    accounts: z.object({
      provision: z.boolean(),
      get: z.boolean(),
      list: z.boolean(),
      suspend: z.boolean(),
      resume: z.boolean(),
      close: z.boolean(),
    }),
    licences: z.object({
      get: z.boolean(),
      set: z.boolean(),
      preview: z.boolean(),
    }),
    referrals: z.object({
      outbound: z.boolean(),
      inbound: z.boolean(),
      get: z.boolean(),
      list: z.boolean(),
      update: z.boolean(),
      accept: z.boolean(),
      decline: z.boolean(),
      markWon: z.boolean(),
      markLost: z.boolean(),
      cancel: z.boolean(),
      resubmit: z.boolean(),
    }),
    webhooks: z.boolean(),
  }),
);

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
}

/** Which referral flows an adapter supports. */
export interface ReferralCapabilities {
  /** Submit referrals (deal registrations) to the platform. */
  outbound: boolean;
  /** Receive referrals (leads) from the platform. */
  inbound: boolean;
}

/**
 * What a platform's adapter can do, as data; an operation that is `false` fails with `UnsupportedOperationError`
 * without sending anything, so callers can branch on `client.capabilities` first.
 */
export interface Capabilities {
  /** Enterprise-account operations. */
  accounts: AccountCapabilities;
  /** Licence operations. */
  licences: LicenceCapabilities;
  /** Referral flows. */
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
    }),
    referrals: z.object({
      outbound: z.boolean(),
      inbound: z.boolean(),
    }),
    webhooks: z.boolean(),
  }),
);

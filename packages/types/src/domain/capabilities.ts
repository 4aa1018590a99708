import { z } from 'zod';

/** What a platform's adapter can do; absent operations are `false`. */
export const capabilitiesSchema = z.object({
  /** Enterprise-account operations. */
  accounts: z.object({
    /** Create accounts. */
    provision: z.boolean(),
    /** Read one account. */
    get: z.boolean(),
    /** List accounts. */
    list: z.boolean(),
    /** Update account profiles. */
    update: z.boolean(),
    /** Suspend accounts. */
    suspend: z.boolean(),
    /** Lift suspensions. */
    resume: z.boolean(),
    /** Close accounts. */
    close: z.boolean(),
  }),
  /** Licence operations. */
  licences: z.object({
    /** Read an account's licences. */
    get: z.boolean(),
    /** Change an account's seats or plan. */
    set: z.boolean(),
  }),
  /** Referral operations. */
  referrals: z.object({
    /** Submit referrals to the platform. */
    outbound: z.boolean(),
    /** Receive referrals from the platform. */
    inbound: z.boolean(),
  }),
  /** Whether the platform pushes events by webhook. */
  webhooks: z.boolean(),
});

/** What a platform's adapter can do. */
export type Capabilities = z.infer<typeof capabilitiesSchema>;

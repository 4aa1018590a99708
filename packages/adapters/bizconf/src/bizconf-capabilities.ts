import { type Capabilities, NO_REFERRAL_CAPABILITIES } from '@channelkit/types';

/**
 * What the Bizconf adapter supports: every account and licence operation of the contract. Bizconf has no referral
 * API. Its signed callbacks are received with `client.webhooks` (enterprise and licence events).
 */
export const BIZCONF_CAPABILITIES: Capabilities = Object.freeze({
  accounts: Object.freeze({
    provision: true,
    get: true,
    list: true,
    suspend: true,
    resume: true,
    close: true,
  }),
  licences: Object.freeze({ get: true, set: true, preview: false }),
  referrals: NO_REFERRAL_CAPABILITIES,
  webhooks: true,
});

import { type Capabilities, NO_REFERRAL_CAPABILITIES } from '@channelkit/types';

/**
 * What the Umeet adapter supports under contract v1: every account operation and licences. Umeet has no referral
 * API. Its signed webhooks are received with `client.webhooks` (account events and licence updates).
 */
export const UMEET_CAPABILITIES: Capabilities = Object.freeze({
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

import { type Capabilities, NO_REFERRAL_CAPABILITIES } from '@channelkit/types';

/**
 * What the Zhumu adapter supports: the whole enterprise lifecycle (provision, get, list, suspend, resume, close) and
 * licences. Zhumu has no referral (deal registration) API; its signed callbacks are received with `client.webhooks`.
 */
export const ZHUMU_CAPABILITIES: Capabilities = Object.freeze({
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

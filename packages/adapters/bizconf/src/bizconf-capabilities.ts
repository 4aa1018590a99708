import type { Capabilities } from '@channelkit/types';

/**
 * What the Bizconf adapter supports: every account and licence operation of the contract, and referrals both ways
 * (opportunities the partner registers, updates, resubmits and withdraws; leads Bizconf assigns, which the partner
 * accepts or rejects). Bizconf alone records a deal as won or lost. Its signed callbacks are received with
 * `client.webhooks`.
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
  referrals: Object.freeze({
    outbound: true,
    inbound: true,
    get: true,
    list: true,
    update: true,
    accept: true,
    decline: true,
    markWon: false,
    markLost: false,
    cancel: true,
    resubmit: true,
  }),
  webhooks: true,
});

import type { Capabilities } from '@channelkit/types';

/**
 * What the Umeet adapter supports under contract v1: every account operation and licences; referrals both ways
 * (deal registrations the partner submits, updates, resubmits and withdraws; leads Systec offers, which the partner
 * accepts or declines). Systec alone moves a registration to won or lost. Its signed webhooks are received with
 * `client.webhooks`.
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

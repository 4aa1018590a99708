import type { Capabilities } from '@channelkit/types';

/**
 * What the Zoom adapter supports. Zoom's Master Account API has no suspend or resume call for a
 * sub-account, and deal registration is not covered yet. Webhooks: account events (`client.webhooks`).
 */
export const ZOOM_CAPABILITIES: Capabilities = Object.freeze({
  accounts: Object.freeze({
    provision: true,
    get: true,
    list: true,
    suspend: false,
    resume: false,
    close: true,
  }),
  licences: Object.freeze({ get: true, set: true }),
  referrals: Object.freeze({ outbound: false, inbound: false }),
  webhooks: true,
});

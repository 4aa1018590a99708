import type { Capabilities } from '@channelkit/types';

/**
 * What the Zoom adapter supports in Partner Commerce mode (`zoomCommerce()`). End customers cannot be suspended or
 * closed through the Commerce API; seats change by amendment orders, which Zoom can preview. Referrals are deal
 * registrations: you submit, read, list and update them, and resubmit one Zoom returned for changes; Zoom's reviewers
 * alone accept, decline or expire them, and an order citing an approved registration closes it as won.
 */
export const ZOOM_COMMERCE_CAPABILITIES: Capabilities = Object.freeze({
  accounts: Object.freeze({
    provision: true,
    get: true,
    list: true,
    suspend: false,
    resume: false,
    close: false,
  }),
  licences: Object.freeze({ get: true, set: true, preview: true }),
  referrals: Object.freeze({
    outbound: true,
    inbound: false,
    get: true,
    list: true,
    update: true,
    accept: false,
    decline: false,
    markWon: false,
    markLost: false,
    cancel: false,
    resubmit: true,
  }),
  webhooks: true,
});

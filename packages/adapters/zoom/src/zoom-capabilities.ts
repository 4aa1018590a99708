import { type Capabilities, NO_REFERRAL_CAPABILITIES } from '@channelkit/types';

/**
 * What the Zoom adapter supports in Master Account mode (`zoom()`). Zoom's Master Account API has no suspend or
 * resume call for a sub-account and no order preview; deal registrations are part of the Partner Commerce API, so
 * referrals are in `zoomCommerce()` (`ZOOM_COMMERCE_CAPABILITIES`). Webhooks: account events
 * (`client.webhooks`).
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
  licences: Object.freeze({ get: true, set: true, preview: false }),
  referrals: NO_REFERRAL_CAPABILITIES,
  webhooks: true,
});

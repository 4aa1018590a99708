import type { CustomerPolicy } from '@channelkit/types';

/**
 * Who Zoom sells to through its Partner Commerce API: customers registered anywhere but mainland China (Zoom stopped
 * selling directly there on 23 August 2020 and serves it through Bizconf, Suirui Zhumu and Systec Umeet), businesses
 * and individuals alike. Currencies are the partner's agreement with Zoom, not a fixed list, so a provision `currency`
 * is passed on (it becomes the end customer's and the subscription's currency) and Zoom decides. The client checks
 * every provision input, and the customer of every referral, against it before anything is sent.
 */
export const ZOOM_COMMERCE_CUSTOMER_POLICY: CustomerPolicy = Object.freeze({
  market: 'outside_mainland_china',
  corporateOnly: false,
});

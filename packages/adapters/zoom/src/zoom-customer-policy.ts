import type { CustomerPolicy } from '@channelkit/types';

/**
 * Who Zoom sells to through the Master Account API: customers registered anywhere but mainland China (Zoom stopped
 * selling directly there on 23 August 2020 and serves it through Bizconf, Suirui Zhumu and Systec Umeet), businesses
 * and individuals alike. Plans are billed in the master account's currency, so a provision `currency` is refused.
 * The client checks every provision input against it before anything is sent.
 */
export const ZOOM_CUSTOMER_POLICY: CustomerPolicy = Object.freeze({
  market: 'outside_mainland_china',
  corporateOnly: false,
  currencies: Object.freeze([]),
});

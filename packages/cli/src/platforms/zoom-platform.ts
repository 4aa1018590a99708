import { zoom, zoomCommerce } from '@channelkit/zoom';
import { z } from 'zod';
import { defineCliPlatform } from './cli-platform';
import { rateLimits, text, url } from './config-fields';
import { withoutUndefined } from './without-undefined';

const credentials = [
  { option: 'accountId', env: 'ZOOM_ACCOUNT_ID', required: true, secret: false },
  { option: 'clientId', env: 'ZOOM_CLIENT_ID', required: true, secret: false },
  { option: 'clientSecret', env: 'ZOOM_CLIENT_SECRET', required: true, secret: true },
] as const;
const zoomRateLimits = rateLimits(['light', 'medium', 'heavy'], 'requests per second').optional();

/** Zoom's Master Account mode: `zoom()` of `@channelkit/zoom`, configured by `ZOOM_*` or `partners.zoom`. */
export const zoomPlatform = defineCliPlatform({
  partner: 'zoom',
  displayName: 'Zoom',
  settings: [
    ...credentials,
    { option: 'baseUrl', env: 'ZOOM_API_URL', required: false, secret: false },
    { option: 'oauthUrl', env: 'ZOOM_OAUTH_URL', required: false, secret: false },
  ],
  configSchema: z.strictObject({
    accountId: text.optional(),
    clientId: text.optional(),
    clientSecret: text.optional(),
    baseUrl: url('https://api.zoom.us/v2').optional(),
    oauthUrl: url('https://zoom.us/oauth/token').optional(),
    rateLimits: zoomRateLimits,
    defaultPlan: text.optional(),
  }),
  create: ({ rateLimits, ...options }) =>
    zoom({ ...withoutUndefined(options), ...(rateLimits && { rateLimits: withoutUndefined(rateLimits) }) }),
});

/**
 * Zoom's Partner Commerce mode: `zoomCommerce()` of `@channelkit/zoom`, chosen by a `partners["zoom-commerce"]`
 * section (it reads the same `ZOOM_*` credentials as the Master Account mode, so they alone choose that one).
 */
export const zoomCommercePlatform = defineCliPlatform({
  id: 'zoom-commerce',
  partner: 'zoom',
  displayName: 'Zoom Partner Commerce',
  configuredByEnvironment: false,
  settings: [
    ...credentials,
    { option: 'baseUrl', env: 'ZOOM_COMMERCE_API_URL', required: false, secret: false },
    { option: 'oauthUrl', env: 'ZOOM_OAUTH_URL', required: false, secret: false },
    { option: 'salesRepContactCrmNumber', env: 'ZOOM_COMMERCE_SALES_REP', required: false, secret: false },
  ],
  configSchema: z.strictObject({
    accountId: text.optional(),
    clientId: text.optional(),
    clientSecret: text.optional(),
    baseUrl: url('https://api.zoom.us/v2').optional(),
    oauthUrl: url('https://zoom.us/oauth/token').optional(),
    salesRepContactCrmNumber: text.optional(),
    rateLimits: zoomRateLimits,
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
      .optional(),
    defaultPlan: text.optional(),
    term: z
      .strictObject({
        type: z.enum(['TERMED', 'EVERGREEN']),
        months: z.number().int('must be a whole number of months').min(1).max(120).optional(),
      })
      .optional(),
    autoRenew: z.boolean().optional(),
  }),
  create: ({ rateLimits, term, ...options }) =>
    zoomCommerce({
      ...withoutUndefined(options),
      ...(rateLimits && { rateLimits: withoutUndefined(rateLimits) }),
      ...(term && { term: withoutUndefined(term) as { type: 'TERMED' | 'EVERGREEN'; months?: number } }),
    }),
});

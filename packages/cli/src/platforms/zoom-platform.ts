import { zoom } from '@channelkit/zoom';
import { z } from 'zod';
import { defineCliPlatform } from './cli-platform';
import { withoutUndefined } from './without-undefined';

const text = z.string().trim().min(1, 'must not be empty');
const perSecond = z.number().positive('must be a positive number of requests per second');

/** Zoom's Master Account mode: `zoom()` of `@channelkit/zoom`, configured by `ZOOM_*` or `partners.zoom`. */
export const zoomPlatform = defineCliPlatform({
  partner: 'zoom',
  displayName: 'Zoom',
  settings: [
    { option: 'accountId', env: 'ZOOM_ACCOUNT_ID', required: true, secret: false },
    { option: 'clientId', env: 'ZOOM_CLIENT_ID', required: true, secret: false },
    { option: 'clientSecret', env: 'ZOOM_CLIENT_SECRET', required: true, secret: true },
    { option: 'baseUrl', env: 'ZOOM_API_URL', required: false, secret: false },
    { option: 'oauthUrl', env: 'ZOOM_OAUTH_URL', required: false, secret: false },
  ],
  configSchema: z.strictObject({
    accountId: text.optional(),
    clientId: text.optional(),
    clientSecret: text.optional(),
    baseUrl: z.url({ error: 'must be a URL, e.g. https://api.zoom.us/v2' }).optional(),
    oauthUrl: z.url({ error: 'must be a URL, e.g. https://zoom.us/oauth/token' }).optional(),
    rateLimits: z
      .strictObject({
        light: perSecond.optional(),
        medium: perSecond.optional(),
        heavy: perSecond.optional(),
      })
      .optional(),
    defaultPlan: text.optional(),
  }),
  create: ({ rateLimits, ...options }) =>
    zoom({ ...withoutUndefined(options), ...(rateLimits && { rateLimits: withoutUndefined(rateLimits) }) }),
});

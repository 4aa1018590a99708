import { umeet } from '@channelkit/umeet';
import { z } from 'zod';
import { defineCliPlatform } from './cli-platform';
import { rateLimits, text, url } from './config-fields';
import { withoutUndefined } from './without-undefined';

/** Systec Umeet: `umeet()` of `@channelkit/umeet`, configured by `UMEET_*` or `partners.umeet`. */
export const umeetPlatform = defineCliPlatform({
  partner: 'umeet',
  displayName: 'Systec Umeet',
  settings: [
    { option: 'clientId', env: 'UMEET_CLIENT_ID', required: true, secret: false },
    { option: 'clientSecret', env: 'UMEET_CLIENT_SECRET', required: true, secret: true },
    { option: 'baseUrl', env: 'UMEET_API_URL', required: false, secret: false },
    { option: 'tokenUrl', env: 'UMEET_TOKEN_URL', required: false, secret: false },
  ],
  configSchema: z.strictObject({
    clientId: text.optional(),
    clientSecret: text.optional(),
    baseUrl: url('https://api.umeet.cn/v1').optional(),
    tokenUrl: url('https://api.umeet.cn/oauth2/token').optional(),
    rateLimits: rateLimits(['read', 'write'], 'requests per second').optional(),
    defaultPlan: text.optional(),
  }),
  create: ({ rateLimits, ...options }) =>
    umeet({ ...withoutUndefined(options), ...(rateLimits && { rateLimits: withoutUndefined(rateLimits) }) }),
});

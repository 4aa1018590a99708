import { bizconf } from '@channelkit/bizconf';
import { z } from 'zod';
import { defineCliPlatform } from './cli-platform';
import { rateLimits, text, url } from './config-fields';
import { withoutUndefined } from './without-undefined';

/** Bizconf: `bizconf()` of `@channelkit/bizconf`, configured by `BIZCONF_*` or `partners.bizconf`. */
export const bizconfPlatform = defineCliPlatform({
  partner: 'bizconf',
  displayName: 'Bizconf',
  settings: [
    { option: 'appId', env: 'BIZCONF_APP_ID', required: true, secret: false },
    { option: 'appSecret', env: 'BIZCONF_APP_SECRET', required: true, secret: true },
    { option: 'baseUrl', env: 'BIZCONF_BASE_URL', required: true, secret: false },
    { option: 'pathPrefix', env: 'BIZCONF_PATH_PREFIX', required: false, secret: false },
  ],
  configSchema: z.strictObject({
    appId: text.optional(),
    appSecret: text.optional(),
    baseUrl: url('https://openapi.example.com').optional(),
    pathPrefix: z.string().optional(),
    rateLimits: rateLimits(['query', 'write'], 'requests per second').optional(),
    defaultPlan: text.optional(),
  }),
  create: ({ rateLimits, ...options }) =>
    bizconf({
      ...withoutUndefined(options),
      ...(rateLimits && { rateLimits: withoutUndefined(rateLimits) }),
    }),
});

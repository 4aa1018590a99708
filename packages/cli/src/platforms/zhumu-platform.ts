import { zhumu } from '@channelkit/zhumu';
import { z } from 'zod';
import { defineCliPlatform } from './cli-platform';
import { rateLimits, text, url } from './config-fields';
import { withoutUndefined } from './without-undefined';

/** Suirui Zhumu: `zhumu()` of `@channelkit/zhumu`, configured by `ZHUMU_*` or `partners.zhumu`. */
export const zhumuPlatform = defineCliPlatform({
  partner: 'zhumu',
  displayName: 'Suirui Zhumu',
  settings: [
    { option: 'apiKey', env: 'ZHUMU_API_KEY', required: true, secret: false },
    { option: 'apiSecret', env: 'ZHUMU_API_SECRET', required: true, secret: true },
    { option: 'baseUrl', env: 'ZHUMU_API_URL', required: false, secret: false },
    { option: 'pathPrefix', env: 'ZHUMU_PATH_PREFIX', required: false, secret: false },
  ],
  configSchema: z.strictObject({
    apiKey: text.optional(),
    apiSecret: text.optional(),
    baseUrl: url('https://api.zhumu.me').optional(),
    pathPrefix: z.string().optional(),
    rateLimits: rateLimits(['read', 'write'], 'requests per minute').optional(),
    defaultPlan: text.optional(),
  }),
  create: ({ rateLimits, ...options }) =>
    zhumu({ ...withoutUndefined(options), ...(rateLimits && { rateLimits: withoutUndefined(rateLimits) }) }),
});

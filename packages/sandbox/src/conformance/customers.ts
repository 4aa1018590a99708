import type { ProvisionAccountInput } from '@channelkit/types';

/**
 * A valid mainland-Chinese enterprise customer, with a Unified Social Credit Code, for platforms that serve mainland
 * China (Bizconf, Suirui Zhumu, Systec Umeet). `n` makes the name and the admin's e-mail unique.
 *
 * @example
 * ```ts
 * import { mainlandChinaCustomer } from '@channelkit/sandbox/conformance';
 *
 * mainlandChinaCustomer(1, 10).profile.creditCode; // '91310000MA1FL4B24G'
 * ```
 */
export function mainlandChinaCustomer(n: number, seats?: number): ProvisionAccountInput {
  return {
    profile: {
      legalName: `上海示例信息技术有限公司 ${n}`,
      creditCode: '91310000MA1FL4B24G',
      country: 'CN',
      industry: 'software',
      employeeCount: '51-250',
      website: 'https://example.cn',
    },
    admin: { firstName: '伟', lastName: '王', email: `admin-${n}@example.cn`, mobile: '+8613800138000' },
    ...(seats === undefined ? {} : { seats }),
  };
}

/**
 * A valid enterprise customer registered outside mainland China (in Singapore), for Zoom, which does not sell
 * directly on the mainland. `n` makes the name and the admin's e-mail unique.
 *
 * @example
 * ```ts
 * import { internationalCustomer } from '@channelkit/sandbox/conformance';
 *
 * internationalCustomer(1, 10).profile.country; // 'SG'
 * ```
 */
export function internationalCustomer(n: number, seats?: number): ProvisionAccountInput {
  return {
    profile: {
      legalName: `Example Asia Pte. Ltd. ${n}`,
      country: 'SG',
      industry: 'software',
      employeeCount: '51-250',
      website: 'https://example.com.sg',
      address: {
        line1: '1 Raffles Place',
        city: 'Singapore',
        region: 'Singapore',
        postalCode: '048616',
        country: 'SG',
      },
    },
    admin: { firstName: 'Wei', lastName: 'Wang', email: `admin-${n}@example.com.sg`, mobile: '+6591234567' },
    ...(seats === undefined ? {} : { seats }),
  };
}

import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { oneOf } from '../internal/text';
import { currencyCodeSchema } from '../primitives/currency-code';
import type { ProvisionAccountInput } from './provision-account-input';

/** Where a platform's customers may be registered. */
export const CUSTOMER_MARKETS = ['mainland_china', 'outside_mainland_china', 'any'] as const;

/**
 * Where a platform's customers may be registered: only in mainland China (`'mainland_china'`), anywhere but
 * mainland China (`'outside_mainland_china'`), or anywhere (`'any'`).
 */
export type CustomerMarket = (typeof CUSTOMER_MARKETS)[number];

/**
 * Who a platform may sell to, as data. The client checks a provision input against its adapter's policy after
 * validating it and before anything is sent, so a customer the platform would refuse costs no request.
 */
export interface CustomerPolicy {
  /** Where customers must be registered (`profile.country`). */
  market: CustomerMarket;
  /**
   * Only corporate customers: organisations identified by a Unified Social Credit Code whose registration type is
   * not an individual business (个体工商户, codes starting `92`), with an administrator on a mainland mobile number
   * when the market is mainland China.
   */
  corporateOnly: boolean;
  /**
   * Billing currencies the platform accepts in `ProvisionAccountInput.currency`, its default first. An empty list
   * means the platform takes no currency (it bills in the partner's own currency), so a given `currency` is refused
   * rather than silently ignored. Absent: not checked.
   */
  currencies?: readonly string[] | undefined;
}

/** Validates a {@link CustomerPolicy}. */
export const customerPolicySchema = schemaFor<CustomerPolicy>()(
  z.object({
    market: oneOf(CUSTOMER_MARKETS),
    corporateOnly: z.boolean({ error: 'must be true or false' }),
    currencies: z.array(currencyCodeSchema).readonly().optional(),
  }),
);

/**
 * The policy of the platforms that embed Zoom technology in mainland China (Bizconf, Suirui Zhumu, Systec Umeet):
 * corporate customers registered on the mainland, billed in renminbi.
 */
export const MAINLAND_CHINA_ENTERPRISE_POLICY: CustomerPolicy = Object.freeze({
  market: 'mainland_china',
  corporateOnly: true,
  currencies: Object.freeze(['CNY']),
});

/** One way a provision input falls outside a platform's {@link CustomerPolicy}. */
export interface CustomerPolicyIssue {
  /** Dotted path of the field at fault, e.g. `profile.country`. */
  path: string;
  /** Why the platform refuses it and what to do instead. */
  message: string;
}

// Zoom stopped selling directly in mainland China on 23 August 2020 and serves it through these platforms
// (https://www.cnbc.com/2020/08/03/zoom-to-halt-direct-sales-of-services-to-users-in-china.html).
const MAINLAND_PLATFORMS = 'Bizconf, Suirui Zhumu and Systec Umeet';
const OUTSIDE_THE_MAINLAND =
  "companies registered in Hong Kong, Macao or Taiwan are outside the mainland: country 'HK', 'MO' or 'TW'";
const MAINLAND_MOBILE = /^\+861[3-9]\d{9}$/;
// GB 32100-2015 Table 1: registration authority 9 (industry and commerce), entity type 2 (individual business).
const INDIVIDUAL_BUSINESS = /^92/;

/**
 * Checks a validated provision input against a platform's policy and lists every way it falls outside it (an empty
 * list when it fits). `platform` names the platform in the messages, e.g. `'Zoom'`.
 * @example
 * ```ts
 * import { checkCustomerPolicy, MAINLAND_CHINA_ENTERPRISE_POLICY } from '@channelkit/types';
 *
 * const issues = checkCustomerPolicy(
 *   {
 *     profile: { legalName: 'Example Pte. Ltd.', country: 'SG', industry: 'software', employeeCount: '51-250' },
 *     admin: { firstName: 'Wei', lastName: 'Wang', email: 'admin@example.com', mobile: '+6591234567' },
 *   },
 *   MAINLAND_CHINA_ENTERPRISE_POLICY,
 *   'Suirui Zhumu',
 * );
 * // [{ path: 'profile.country', message: "is 'SG', but Suirui Zhumu serves customers registered in mainland China only ..." }, ...]
 * ```
 */
export function checkCustomerPolicy(
  input: ProvisionAccountInput,
  policy: CustomerPolicy,
  platform: string,
): CustomerPolicyIssue[] {
  const issues: CustomerPolicyIssue[] = [];
  const { country, creditCode } = input.profile;
  if (policy.market === 'mainland_china' && country !== 'CN') {
    issues.push({
      path: 'profile.country',
      message:
        `is '${country}', but ${platform} serves customers registered in mainland China only ('CN'). ` +
        `Provision customers elsewhere on Zoom (${OUTSIDE_THE_MAINLAND}).`,
    });
  }
  if (policy.market === 'outside_mainland_china' && country === 'CN') {
    issues.push({
      path: 'profile.country',
      message:
        `is 'CN', but ${platform} does not sell directly in mainland China: since 23 August 2020 Zoom serves ` +
        `mainland customers only through ${MAINLAND_PLATFORMS}, the platforms that embed Zoom technology. ` +
        `Provision this customer on one of those platforms instead (${OUTSIDE_THE_MAINLAND}).`,
    });
  }
  if (policy.corporateOnly) {
    if (creditCode === undefined) {
      issues.push({
        path: 'profile.creditCode',
        message:
          `is required: ${platform} serves corporate customers only, identified by the 18-character Unified ` +
          'Social Credit Code (统一社会信用代码) on their business licence; personal sign-ups are refused.',
      });
    } else if (INDIVIDUAL_BUSINESS.test(creditCode)) {
      issues.push({
        path: 'profile.creditCode',
        message:
          `is the code of an individual business (个体工商户, registration type 92), but ${platform} serves ` +
          'corporate customers only: use the code of a company or another organisation.',
      });
    }
    if (policy.market === 'mainland_china' && !MAINLAND_MOBILE.test(input.admin.mobile)) {
      issues.push({
        path: 'admin.mobile',
        message:
          `is not a mainland China mobile number, but ${platform} sends the administrator's activation code by ` +
          'SMS to a mainland mobile: +86 followed by 11 digits starting 13–19, e.g. +86 138 0013 8000.',
      });
    }
  }
  const { currency } = input;
  if (currency !== undefined && policy.currencies !== undefined) {
    if (policy.currencies.length === 0) {
      issues.push({
        path: 'currency',
        message: `is '${currency}', but ${platform} takes no billing currency here (it bills in your own account's currency): leave it out.`,
      });
    } else if (!policy.currencies.includes(currency)) {
      issues.push({
        path: 'currency',
        message: `is '${currency}', but ${platform} bills in ${policy.currencies.map((code) => `'${code}'`).join(', ')} only.`,
      });
    }
  }
  return issues;
}

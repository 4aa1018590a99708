import { z } from 'zod';
import { text } from '../internal/text';
import { countryCodeSchema } from '../primitives/country-code';
import { unifiedSocialCreditCodeSchema } from '../uscc/unified-social-credit-code-schema';
import { employeeCountBandSchema } from './employee-count-band';
import { postalAddressSchema } from './postal-address';
import { websiteSchema } from './website';

/** The profile's fields without the cross-field rule, so that partial views can reuse them. */
export const enterpriseProfileShape = z.object({
  /** Registered legal name, 1–200 characters; Chinese allowed, e.g. `'上海示例科技有限公司'`. */
  legalName: text(1, 200),
  /** Unified Social Credit Code; required when `country` is `'CN'`. */
  creditCode: unifiedSocialCreditCodeSchema.optional(),
  /** ISO 3166-1 alpha-2 country of registration. */
  country: countryCodeSchema,
  /** Industry, free text of 1–100 characters. */
  industry: text(1, 100),
  /** Employee-count band. */
  employeeCount: employeeCountBandSchema,
  /** Public web site. */
  website: websiteSchema.optional(),
  /** Registered address. */
  address: postalAddressSchema.optional(),
});

/**
 * An enterprise customer's profile. Mainland customers (`country: 'CN'`) must carry their Unified Social Credit
 * Code in `creditCode`, because the platforms sell to mainland corporate customers only and identify them by it.
 *
 * @example
 * ```ts
 * enterpriseProfileSchema.parse({
 *   legalName: '上海示例科技有限公司',
 *   creditCode: '91350100M000100Y43',
 *   country: 'cn',
 *   industry: 'Software',
 *   employeeCount: '51-250',
 * });
 * ```
 */
export const enterpriseProfileSchema = enterpriseProfileShape.superRefine((profile, context) => {
  if (profile.country === 'CN' && profile.creditCode === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['creditCode'],
      input: undefined,
      message:
        "is required when country is 'CN': mainland customers are corporate customers only, identified by their 18-character Unified Social Credit Code (统一社会信用代码) on the business licence",
    });
  }
});

/** An enterprise customer's profile. */
export type EnterpriseProfile = z.infer<typeof enterpriseProfileSchema>;

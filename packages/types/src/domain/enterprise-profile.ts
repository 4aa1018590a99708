import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { text } from '../internal/text';
import { countryCodeSchema } from '../primitives/country-code';
import { unifiedSocialCreditCodeSchema } from '../uscc/unified-social-credit-code-schema';
import type { EmployeeCountBand } from './employee-count-band';
import { employeeCountBandSchema } from './employee-count-band';
import type { PostalAddress } from './postal-address';
import { postalAddressSchema } from './postal-address';
import { websiteSchema } from './website';

/**
 * An enterprise customer's profile. Mainland customers (`country: 'CN'`) must carry their Unified Social Credit
 * Code in `creditCode`, because the platforms sell to mainland corporate customers only and identify them by it.
 * Lengths count UTF-16 code units.
 */
export interface EnterpriseProfile {
  /**
   * Registered legal name, 1–200 characters, one line of visible text; Chinese allowed, e.g.
   * `'上海示例科技有限公司'`. Platforms may allow less (Zoom: 64).
   */
  legalName: string;
  /** Unified Social Credit Code (统一社会信用代码), 18 characters; required when `country` is `'CN'`. */
  creditCode?: string | undefined;
  /** ISO 3166-1 alpha-2 country (or region) of registration, upper-cased on parsing, e.g. `'CN'`, `'HK'`, `'SG'`. */
  country: string;
  /** Industry, free text of 1–100 characters, e.g. `'software'`. */
  industry: string;
  /** Employee-count band, e.g. `'51-250'`. */
  employeeCount: EmployeeCountBand;
  /** Public web site, an `http(s)` URL with a domain name. */
  website?: string | undefined;
  /** Registered address. */
  address?: PostalAddress | undefined;
}

/** The profile's fields without the cross-field rule, so that partial views (accounts, referrals) can reuse them. */
export const enterpriseProfileShape = z.object({
  legalName: text(1, 200),
  creditCode: unifiedSocialCreditCodeSchema.optional(),
  country: countryCodeSchema,
  industry: text(1, 100),
  employeeCount: employeeCountBandSchema,
  website: websiteSchema.optional(),
  address: postalAddressSchema.optional(),
});

/**
 * Validates and normalises an {@link EnterpriseProfile}: text trimmed, codes upper-cased, the credit code checked,
 * and required for mainland customers.
 *
 * @example
 * ```ts
 * import { enterpriseProfileSchema } from '@channelkit/types';
 *
 * enterpriseProfileSchema.parse({
 *   legalName: '上海示例科技有限公司',
 *   creditCode: '91350100M000100Y43',
 *   country: 'cn',
 *   industry: 'Software',
 *   employeeCount: '51-250',
 * });
 * ```
 */
export const enterpriseProfileSchema = schemaFor<EnterpriseProfile>()(
  enterpriseProfileShape.superRefine((profile, context) => {
    if (profile.country === 'CN' && profile.creditCode === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['creditCode'],
        input: undefined,
        message:
          "is required when country is 'CN': mainland customers are corporate customers only, identified by their 18-character Unified Social Credit Code (统一社会信用代码) on the business licence",
      });
    }
  }),
);

/** What a platform may know of a customer's profile: any field of {@link EnterpriseProfile}, each one optional. */
export type PartialEnterpriseProfile = {
  [Field in keyof EnterpriseProfile]?: EnterpriseProfile[Field] | undefined;
};

import { z } from 'zod';
import { COUNTRY_CODES } from '../data/country-codes';

const assigned: ReadonlySet<string> = new Set(COUNTRY_CODES);

/**
 * An ISO 3166-1 alpha-2 country code such as `'CN'`. Input is trimmed and upper-cased; only officially assigned
 * codes are accepted (see {@link COUNTRY_CODES}), so `'UK'` is refused in favour of `'GB'`.
 */
export const countryCodeSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .trim()
  .toUpperCase()
  .refine((value) => assigned.has(value), {
    error: (issue) =>
      issue.input === 'UK'
        ? "must be an ISO 3166-1 alpha-2 country code; the United Kingdom is 'GB'"
        : "must be an assigned ISO 3166-1 alpha-2 country code, e.g. 'CN', 'HK', 'US'",
  });

/** An upper-case ISO 3166-1 alpha-2 country code, e.g. `'CN'`. */
export type CountryCode = z.infer<typeof countryCodeSchema>;

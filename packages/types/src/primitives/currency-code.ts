import { z } from 'zod';
import { CURRENCY_CODES } from '../data/currency-codes';

const active: ReadonlySet<string> = new Set(CURRENCY_CODES);

/**
 * An ISO 4217 alphabetic currency code such as `'CNY'`. Input is trimmed and upper-cased; only codes on ISO 4217
 * List One are accepted (see {@link CURRENCY_CODES}), so withdrawn codes such as `'HRK'` are refused.
 */
export const currencyCodeSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .trim()
  .toUpperCase()
  .refine((value) => active.has(value), "must be an active ISO 4217 currency code, e.g. 'CNY', 'USD', 'HKD'");

/** An upper-case ISO 4217 currency code, e.g. `'CNY'`. */
export type CurrencyCode = z.infer<typeof currencyCodeSchema>;

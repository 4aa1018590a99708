import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { type CurrencyCode, currencyCodeSchema } from './currency-code';

/**
 * An amount of money in the currency's minor unit (fen for CNY, cents for USD), so values stay exact integers.
 *
 * @example
 * ```ts
 * import type { Money } from '@channelkit/types';
 *
 * const price: Money = { amountMinor: 129_900, currency: 'CNY' }; // ¥1,299.00
 * ```
 */
export interface Money {
  /** Amount in minor units (fen, cents), a whole number; zero is allowed, negative amounts are not. */
  amountMinor: number;
  /** ISO 4217 currency code, upper-cased on parsing, e.g. `'CNY'`. */
  currency: CurrencyCode;
}

/**
 * Validates a {@link Money} value.
 *
 * @example
 * ```ts
 * import { moneySchema } from '@channelkit/types';
 *
 * moneySchema.parse({ amountMinor: 129_900, currency: 'cny' }); // { amountMinor: 129900, currency: 'CNY' }
 * ```
 */
export const moneySchema = schemaFor<Money>()(
  z.object({
    amountMinor: z
      .number({ error: 'must be an amount in minor units (e.g. fen), e.g. 129900' })
      .int('must be a whole number of minor units (e.g. fen or cents), not a decimal amount')
      .nonnegative('must not be negative'),
    currency: currencyCodeSchema,
  }),
);

/**
 * Builds a validated {@link Money} value; throws a `ZodError` when the amount or currency is invalid.
 *
 * @param amountMinor - Amount in minor units (fen for CNY), a non-negative integer.
 * @param currency - ISO 4217 code; defaults to `'CNY'`.
 * @example
 * ```ts
 * import { money } from '@channelkit/types';
 *
 * money(129_900); // { amountMinor: 129900, currency: 'CNY' }
 * money(4_999, 'usd'); // { amountMinor: 4999, currency: 'USD' }
 * ```
 */
export function money(amountMinor: number, currency: CurrencyCode = 'CNY'): Money {
  return moneySchema.parse({ amountMinor, currency });
}

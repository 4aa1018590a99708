import type { Money, MoneyChange } from '@channelkit/types';

const exponents = new Map<string, number>();

/** Decimal places of a currency's minor unit (2 for USD, 0 for JPY, 3 for BHD), from the runtime's ICU data. */
export function minorDigits(currency: string): number {
  let digits = exponents.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      // A malformed code from the platform: the client's validation of the result names it.
      digits = 2;
    }
    if (exponents.size < 512) exponents.set(currency, digits);
  }
  return digits;
}

/** Zoom's amounts are decimals in major units; channelkit's are whole minor units. */
export function toMinor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** minorDigits(currency));
}

/** Minor units back to the decimal major units Zoom expects. */
export function toMajor(money: Money): number {
  return money.amountMinor / 10 ** minorDigits(money.currency);
}

/** A non-negative amount as `Money`, or `undefined` when the platform gave none or a negative one. */
export function moneyOf(
  amount: number | null | undefined,
  currency: string | null | undefined,
): Money | undefined {
  if (amount === null || amount === undefined || !currency || amount < 0) return undefined;
  return { amountMinor: toMinor(amount, currency), currency };
}

/** A signed amount as a `MoneyChange`, or `undefined` when the platform gave none. */
export function changeOf(amount: number | null | undefined, currency: string): MoneyChange | undefined {
  if (amount === null || amount === undefined) return undefined;
  return { amountMinor: toMinor(amount, currency), currency };
}

import { z } from 'zod';

const SEPARATORS = /[\s\-().]/g;
const E164 = /^\+[1-9]\d{7,14}$/;
const MAINLAND_MOBILE = /^\+861[3-9]\d{9}$/;

const MAINLAND_MOBILE_MESSAGE =
  'must be a mainland China mobile number: +86 followed by 11 digits starting 13–19, e.g. +86 138 0013 8000';

function phoneInput() {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
    .transform((value) => value.replace(SEPARATORS, ''));
}

/**
 * A mainland China mobile number, normalised to `+861[3-9]XXXXXXXXX`. Spaces, dashes, dots and brackets are
 * removed, and an 11-digit number without the country code gets `+86` prepended.
 *
 * @example
 * ```ts
 * mainlandMobileSchema.parse('138-0013-8000'); // '+8613800138000'
 * ```
 */
export const mainlandMobileSchema = phoneInput()
  .transform((value) => (/^1\d{10}$/.test(value) ? `+86${value}` : value))
  .pipe(z.string().regex(MAINLAND_MOBILE, MAINLAND_MOBILE_MESSAGE));

/** A mainland China mobile number in E.164 form, e.g. `+8613800138000`. */
export type MainlandMobile = z.infer<typeof mainlandMobileSchema>;

/**
 * A phone number in E.164 form: `+`, then 8 to 15 digits, the first not 0. Spaces, dashes, dots and brackets are
 * removed. Numbers with the `+86` country code must also be mainland mobiles (`+861[3-9]` and 9 more digits),
 * because the platforms send activation codes by SMS.
 *
 * @example
 * ```ts
 * e164PhoneSchema.parse('+1 (415) 555-0100'); // '+14155550100'
 * e164PhoneSchema.parse('+86 10 6552 9988'); // fails: a Beijing landline is not a mainland mobile
 * ```
 */
export const e164PhoneSchema = phoneInput().pipe(
  z
    .string()
    .regex(E164, 'must be an international number in E.164 form: + and 8–15 digits, e.g. +8613800138000')
    .refine((value) => !value.startsWith('+86') || MAINLAND_MOBILE.test(value), MAINLAND_MOBILE_MESSAGE),
);

/** A phone number in E.164 form, e.g. `+14155550100`. */
export type E164Phone = z.infer<typeof e164PhoneSchema>;

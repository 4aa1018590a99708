import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { text } from '../internal/text';
import { emailSchema } from '../primitives/email';
import { e164PhoneSchema } from '../primitives/phone';

/**
 * A person at the customer: the account administrator, or a referral contact. Chinese names are allowed; names are
 * one line of visible text (no control characters, not only spaces or invisible characters), and lengths count
 * UTF-16 code units.
 */
export interface Contact {
  /** Given name, 1–100 characters, e.g. `'伟'` or `'Wei'`. */
  firstName: string;
  /** Family name, 1–100 characters, e.g. `'王'` or `'Wang'`. */
  lastName: string;
  /** E-mail address (at most 254 characters, 64 before the `@`); the platforms send the activation mail there. */
  email: string;
  /** Mobile number in E.164 form, e.g. `'+8613800138000'`; `+86` numbers must be mainland mobiles. */
  mobile: string;
  /** Job title, 1–100 characters. */
  jobTitle?: string | undefined;
}

/** Validates and normalises a {@link Contact}: names trimmed, e-mail domain lower-cased, mobile in E.164 form. */
export const contactSchema = schemaFor<Contact>()(
  z.object({
    firstName: text(1, 100),
    lastName: text(1, 100),
    email: emailSchema,
    mobile: e164PhoneSchema,
    jobTitle: text(1, 100).optional(),
  }),
);

import { z } from 'zod';
import { text } from '../internal/text';
import { emailSchema } from '../primitives/email';
import { e164PhoneSchema } from '../primitives/phone';

/** A person at the customer: the account administrator, or a referral contact. Chinese names are allowed. */
export const contactSchema = z.object({
  /** Given name, 1–100 characters. */
  firstName: text(1, 100),
  /** Family name, 1–100 characters. */
  lastName: text(1, 100),
  /** E-mail address; the platforms send the activation mail there. */
  email: emailSchema,
  /** Mobile number in E.164 form; `+86` numbers must be mainland mobiles. */
  mobile: e164PhoneSchema,
  /** Job title, 1–100 characters. */
  jobTitle: text(1, 100).optional(),
});

/** A person at the customer. */
export type Contact = z.infer<typeof contactSchema>;

import { z } from 'zod';

/** RFC 5321 §4.5.3.1: the longest forward path is 256 octets including the angle brackets, so 254 for the address. */
export const MAX_EMAIL_LENGTH = 254;

/** RFC 5321 §4.5.3.1.1: the longest local part (before the `@`) is 64 octets. */
export const MAX_EMAIL_LOCAL_PART_LENGTH = 64;

/** RFC 1035 §2.3.4 (through RFC 5321 §4.5.3.1.2): the longest label of a domain name is 63 octets. */
const MAX_DOMAIN_LABEL_LENGTH = 63;

/**
 * An e-mail address. Surrounding spaces are trimmed and the domain part is lower-cased (domains are
 * case-insensitive; the local part is left alone because some mail systems treat it as case-sensitive). The limits
 * of RFC 5321 apply: at most 254 characters in all, at most 64 before the `@`, at most 63 in each part of the
 * domain; platforms that relay mail refuse longer addresses.
 *
 * @example
 * ```ts
 * import { emailSchema } from '@channelkit/types';
 *
 * emailSchema.parse(' Li.Wei@Example.COM '); // 'Li.Wei@example.com'
 * ```
 */
export const emailSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .trim()
  .check((context) => {
    const value = context.value;
    const at = value.lastIndexOf('@');
    const local = at < 0 ? '' : value.slice(0, at);
    const domain = at < 0 ? '' : value.slice(at + 1);
    const push = (message: string) => context.issues.push({ code: 'custom', input: value, message });
    if (value.length > MAX_EMAIL_LENGTH) {
      push(
        `must be at most ${MAX_EMAIL_LENGTH} characters (RFC 5321); this one has ${value.length}. Use a shorter address`,
      );
    } else if (local.length > MAX_EMAIL_LOCAL_PART_LENGTH) {
      push(
        `must have at most ${MAX_EMAIL_LOCAL_PART_LENGTH} characters before the @ (RFC 5321); this one has ${local.length}`,
      );
    } else if (domain.split('.').some((label) => label.length > MAX_DOMAIN_LABEL_LENGTH)) {
      push(`must not have a part of the domain longer than ${MAX_DOMAIN_LABEL_LENGTH} characters (RFC 5321)`);
    }
  })
  .pipe(z.email({ error: 'must be an e-mail address such as name@example.com' }))
  .transform((value) => {
    const at = value.lastIndexOf('@');
    return `${value.slice(0, at)}@${value.slice(at + 1).toLowerCase()}`;
  });

/** An e-mail address, trimmed, with a lower-case domain. */
export type Email = z.infer<typeof emailSchema>;

import { z } from 'zod';

/**
 * An e-mail address. Surrounding spaces are trimmed and the domain part is lower-cased (domains are
 * case-insensitive; the local part is left alone because some mail systems treat it as case-sensitive).
 *
 * @example
 * ```ts
 * emailSchema.parse(' Li.Wei@Example.COM '); // 'Li.Wei@example.com'
 * ```
 */
export const emailSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .trim()
  .pipe(z.email({ error: 'must be an e-mail address such as name@example.com' }))
  .transform((value) => {
    const at = value.lastIndexOf('@');
    return `${value.slice(0, at)}@${value.slice(at + 1).toLowerCase()}`;
  });

/** An e-mail address, trimmed, with a lower-case domain. */
export type Email = z.infer<typeof emailSchema>;
